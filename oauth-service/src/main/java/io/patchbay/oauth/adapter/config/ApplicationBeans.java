package io.patchbay.oauth.adapter.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.patchbay.oauth.application.OAuthFlowSettings;
import io.patchbay.oauth.application.ReencryptSettings;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Settings the application layer needs, made into plain values here so it stays free of framework types. */
@Factory
class ApplicationBeans {
    @Singleton
    ReencryptSettings reencryptSettings(@Value("${patchbay.secrets.reencrypt.batch-size:200}") int batchSize) {
        return new ReencryptSettings(batchSize);
    }

    @Singleton
    OAuthFlowSettings oauthFlowSettings(@Value("${patchbay.oauth.public-url:`http://localhost:8083`}") String publicUrl,
                                        @Value("${patchbay.oauth.login-timeout:10m}") Duration loginTimeout,
                                        @Value("${patchbay.oauth.refresh-skew:30s}") Duration refreshSkew) {
        return new OAuthFlowSettings(publicUrl, loginTimeout, refreshSkew);
    }
}
