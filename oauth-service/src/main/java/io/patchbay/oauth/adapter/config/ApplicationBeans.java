package io.patchbay.oauth.adapter.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.patchbay.oauth.application.ReencryptSettings;
import jakarta.inject.Singleton;

/** Settings the application layer needs, made into plain values here so it stays free of framework types. */
@Factory
class ApplicationBeans {
    @Singleton
    ReencryptSettings reencryptSettings(@Value("${patchbay.secrets.reencrypt.batch-size:200}") int batchSize) {
        return new ReencryptSettings(batchSize);
    }
}
