package io.patchbay.kernel.infra.jdbc;

import io.micronaut.core.beans.BeanProperty;
import io.micronaut.data.annotation.event.PrePersist;
import io.micronaut.data.event.EntityEventContext;
import io.micronaut.data.event.EntityEventListener;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import jakarta.inject.Singleton;

import java.lang.annotation.Annotation;

/**
 * Micronaut Data stores a new row's {@code @Version} as 0; in Patchbay every versioned aggregate starts at 1 (a new
 * configuration is version 1 in its events, a new install's ETag is {@code "1"}, and the V2 version columns default to
 * 1). Micronaut Data's own listener still increments the version on every update and checks it; this one runs after it,
 * on insert only, for every {@link VersionedRow}.
 */
@Singleton
public class FirstVersionIsOne implements EntityEventListener<VersionedRow> {
    public static final long FIRST = 1L;

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
