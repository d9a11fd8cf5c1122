package io.patchbay.catalog;

import io.patchbay.test.FreeTestPortContract;

class TestServerPortTest extends FreeTestPortContract {
    @Override
    protected String applicationName() {
        return "catalog-service";
    }
}
