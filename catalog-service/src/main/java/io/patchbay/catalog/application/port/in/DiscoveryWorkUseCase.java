package io.patchbay.catalog.application.port.in;

/** One step of a discovery worker: claim the next due job and run it. */
public interface DiscoveryWorkUseCase {
    /** @return true when a job was worked, false when none was due */
    boolean runNext(String workerId);
}
