package io.patchbay.catalog.application.port.out;

import java.time.Duration;

/** Discovery limits: time per job, lease slack beyond it, attempts before a job is abandoned. */
public record DiscoverySettings(Duration jobTimeout, Duration leaseSlack, int maxAttempts) {
    public Duration lease() {
        return jobTimeout.plus(leaseSlack);
    }
}
