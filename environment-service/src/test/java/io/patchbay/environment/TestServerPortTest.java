package io.patchbay.environment;

import io.patchbay.test.FreeTestPortContract;

class TestServerPortTest extends FreeTestPortContract {
    @Override
    protected String applicationName() {
        return "environment-service";
    }
}
