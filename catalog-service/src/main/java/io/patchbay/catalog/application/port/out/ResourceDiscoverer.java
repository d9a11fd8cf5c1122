package io.patchbay.catalog.application.port.out;

import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.DiscoveryResult;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** A connector adapter: reads the resources and permissions of one integration type from the source system. */
public interface ResourceDiscoverer {
    String type();

    /** Never throws for source problems: they are an {@link DiscoveryResult#error()} or warnings with useful text. */
    DiscoveryResult discover(DiscoveryRequest request);

    record DiscoveryRequest(CatalogType catalogType, Map<String, String> config, Map<String, String> credentials,
                            Set<String> resourceTypes, Duration timeout) {
    }
}
