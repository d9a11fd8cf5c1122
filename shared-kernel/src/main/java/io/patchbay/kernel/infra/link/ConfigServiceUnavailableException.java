package io.patchbay.kernel.infra.link;

/** config-service did not answer usefully (refused, timed out, 5xx): retried, counted by the circuit breaker. */
public class ConfigServiceUnavailableException extends RuntimeException {
    public ConfigServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
