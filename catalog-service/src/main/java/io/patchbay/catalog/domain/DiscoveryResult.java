package io.patchbay.catalog.domain;

import io.patchbay.kernel.secret.SecretScrubber;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one discovery: the resources and permissions read, the resource types read completely (only these
 * may mark missing resources {@code Deleted}), warnings for the parts that failed, or an error when nothing could be read.
 */
public record DiscoveryResult(List<DiscoveredResource> resources, List<Permission> permissions, Set<String> completeTypes,
                              List<String> warnings, String error) {
    public DiscoveryResult {
        resources = List.copyOf(resources);
        permissions = List.copyOf(permissions);
        completeTypes = Set.copyOf(completeTypes);
        warnings = List.copyOf(warnings);
    }

    public static DiscoveryResult failed(String error) {
        return new DiscoveryResult(List.of(), List.of(), Set.of(), List.of(), error);
    }

    /**
     * This result with every one of {@code secrets} scrubbed from its error and warnings (the kernel's rule for text built
     * from a remote system's answer): what is stored as the integration's details, logged or returned never repeats one.
     */
    public DiscoveryResult scrubbed(Collection<String> secrets) {
        return new DiscoveryResult(resources, permissions, completeTypes,
                warnings.stream().map(w -> SecretScrubber.scrub(w, secrets)).toList(), SecretScrubber.scrub(error, secrets));
    }

    public IntegrationStatus outcome() {
        return error != null ? IntegrationStatus.ERROR : warnings.isEmpty() ? IntegrationStatus.ACTIVE : IntegrationStatus.WARNING;
    }

    public String details() {
        if (error != null) {
            return error;
        }
        String counts = "discovered " + resources.size() + " resources and " + permissions.size() + " permissions";
        return warnings.isEmpty() ? counts : counts + "; " + String.join("; ", warnings);
    }
}
