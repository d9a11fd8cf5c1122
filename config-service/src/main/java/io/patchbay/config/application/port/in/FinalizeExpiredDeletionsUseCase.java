package io.patchbay.config.application.port.in;

/** Completes marketplace deletions whose partner did not finalize within the grace period. */
public interface FinalizeExpiredDeletionsUseCase {
    /** @return how many configurations were deleted */
    int finalizeExpired();
}
