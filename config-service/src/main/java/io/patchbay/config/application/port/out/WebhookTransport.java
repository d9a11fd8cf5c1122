package io.patchbay.config.application.port.out;

import java.util.Map;

/**
 * Sends one delivery: POST {@code body} with {@code headers} to the target, connecting only to its vetted addresses, never
 * following a redirect, giving up after 5 s, reading at most 64 KiB of the answer (and discarding it).
 */
public interface WebhookTransport {
    Outcome send(VettedTarget target, byte[] body, Map<String, String> headers);

    /** The receiver's status, or null and an error when there was no answer; how long it took. Errors hold no secret. */
    record Outcome(Integer status, String error, long durationMs) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }
}
