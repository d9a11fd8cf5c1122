package io.patchbay.kernel.infra.event;

/** A record on the lifecycle topic that is not a readable lifecycle event: it goes to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message, null, false, false);
    }
}
