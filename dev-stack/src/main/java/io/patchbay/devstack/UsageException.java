package io.patchbay.devstack;

/** Bad command-line arguments: the message and the usage go to stderr, the exit code is 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
