package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.CatalogType;

import java.util.List;

/** The catalog: integration types with a working connector. */
public interface CatalogUseCase {
    List<CatalogType> list();

    CatalogType get(String type);
}
