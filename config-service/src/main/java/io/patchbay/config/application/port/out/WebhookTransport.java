package io.patchbay.config.application.port.out;

/**
 * Sends one delivery the way Vercel does: POST the JSON {@code body}, signed with {@code signingSecret}
 * ({@code x-vercel-signature}) and carrying {@code deliveryId} ({@code x-patchbay-delivery}), connecting only to the
 * target's vetted addresses, never following a redirect, giving up after 5 s, reading at most 64 KiB of the answer (and
 * discarding it).
 */
public interface WebhookTransport {
    Outcome send(VettedTarget target, byte[] body, String deliveryId, String signingSecret);

    /** The receiver's status, or null and an error when there was no answer; how long it took. Errors hold no secret. */
    record Outcome(Integer status, String error, long durationMs) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }
}
