package io.patchbay.oauth;

import io.patchbay.test.HexagonalArchitectureContract;

/** The dependency rule of architecture.md for oauth-service (the rules: test-support HexagonalArchitectureContract). */
class HexagonalArchitectureTest extends HexagonalArchitectureContract {
    @Override
    protected String basePackage() {
        return "io.patchbay.oauth";
    }
}
