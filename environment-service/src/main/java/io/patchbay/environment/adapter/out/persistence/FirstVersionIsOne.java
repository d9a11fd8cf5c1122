package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.core.beans.BeanProperty;
import io.micronaut.data.annotation.event.PrePersist;
import io.micronaut.data.event.EntityEventContext;
import io.micronaut.data.event.EntityEventListener;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import jakarta.inject.Singleton;

import java.lang.annotation.Annotation;

/**
 * Micronaut Data stores a new row's {@code @Version} as 0; this service's rows start at 1, the version every aggregate is
 * created with (a new install's ETag is {@code "1"}) and the default of the V2 columns. Micronaut Data's own listener
 * still increments the version on every update; this one runs after it on insert only and stores 1.
 */
@Singleton
class FirstVersionIsOne implements EntityEventListener<VersionedRow> {
    static final long FIRST = 1L;

    @Override
    public boolean supports(RuntimePersistentEntity<VersionedRow> entity, Class<? extends Annotation> eventType) {
        return eventType == PrePersist.class && entity.getVersion() != null;
    }

    @Override
    public boolean prePersist(EntityEventContext<VersionedRow> context) {
        BeanProperty<VersionedRow, Object> version = context.getPersistentEntity().getVersion().getProperty();
        context.setProperty(version, FIRST);
        return true;
    }

    /** After Micronaut Data's VersionGeneratingEntityEventListener (order 0), which sets 0. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
