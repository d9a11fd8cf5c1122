package io.patchbay.catalog;

import io.patchbay.test.HexagonalArchitectureContract;

/** The dependency rule of architecture.md for catalog-service (the rules: test-support HexagonalArchitectureContract). */
class HexagonalArchitectureTest extends HexagonalArchitectureContract {
    @Override
    protected String basePackage() {
        return "io.patchbay.catalog";
    }
}
