package io.patchbay.config.adapter.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.patchbay.config.application.DeletionGrace;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Settings the application layer needs, made into plain values here so it stays free of framework types. */
@Factory
class ApplicationBeans {
    @Singleton
    DeletionGrace deletionGrace(@Value("${patchbay.deletion.grace:24h}") Duration grace) {
        return new DeletionGrace(grace);
    }
}
