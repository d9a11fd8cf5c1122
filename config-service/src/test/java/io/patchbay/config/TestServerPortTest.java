package io.patchbay.config;

import io.patchbay.test.FreeTestPortContract;

class TestServerPortTest extends FreeTestPortContract {
    @Override
    protected String applicationName() {
        return "config-service";
    }
}
