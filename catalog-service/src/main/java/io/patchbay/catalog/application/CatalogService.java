package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.in.CatalogUseCase;
import io.patchbay.catalog.application.port.out.CatalogSource;
import io.patchbay.catalog.application.port.out.ResourceDiscoverer;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.kernel.error.DomainException;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog: only the types whose connector adapter is present (a type without one cannot discover). */
@Singleton
public class CatalogService implements CatalogUseCase {
    private final List<CatalogType> types;
    private final Map<String, ResourceDiscoverer> discoverers;

    public CatalogService(CatalogSource source, List<ResourceDiscoverer> discoverers) {
        this.discoverers = discoverers.stream().collect(Collectors.toMap(ResourceDiscoverer::type, Function.identity()));
        this.types = source.types().stream().filter(t -> this.discoverers.containsKey(t.type()))
                .sorted(Comparator.comparing(CatalogType::type)).toList();
    }

    @Override
    public List<CatalogType> list() {
        return types;
    }

    @Override
    public CatalogType get(String type) {
        return find(type).orElseThrow(() -> new DomainException.NotFound("integration type " + type));
    }

    public Optional<CatalogType> find(String type) {
        return types.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    public Optional<ResourceDiscoverer> discoverer(String type) {
        return Optional.ofNullable(discoverers.get(type));
    }
}
