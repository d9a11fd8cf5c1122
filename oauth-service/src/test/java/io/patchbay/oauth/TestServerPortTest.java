package io.patchbay.oauth;

import io.patchbay.test.FreeTestPortContract;

class TestServerPortTest extends FreeTestPortContract {
    @Override
    protected String applicationName() {
        return "oauth-service";
    }
}
