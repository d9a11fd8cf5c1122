package io.patchbay.environment;

import io.patchbay.test.HexagonalArchitectureContract;

/** The dependency rule of architecture.md for environment-service (the rules: test-support HexagonalArchitectureContract). */
class HexagonalArchitectureTest extends HexagonalArchitectureContract {
    @Override
    protected String basePackage() {
        return "io.patchbay.environment";
    }
}
