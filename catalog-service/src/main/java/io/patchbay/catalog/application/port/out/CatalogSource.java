package io.patchbay.catalog.application.port.out;

import io.patchbay.catalog.domain.CatalogType;

import java.util.List;

/** The catalog entries shipped as data. */
public interface CatalogSource {
    List<CatalogType> types();
}
