package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.Integration;

import java.util.List;

/** One page of integrations; {@code next} is null on the last page. */
public record IntegrationPage(List<Integration> items, PageAfter next) {
}
