package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.data.exceptions.DataAccessException;
import io.patchbay.kernel.infra.jdbc.PostgresErrors;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/**
 * See {@link MapsPostgresErrors}: a plain {@link DataAccessException} is replaced by the meaningful exception inside it
 * (one Micronaut Data already mapped) or by the one {@link PostgresErrors} makes of its {@link SQLException}.
 */
@Singleton
@InterceptorBean(MapsPostgresErrors.class)
class PostgresErrorsInterceptor implements MethodInterceptor<Object, Object> {
    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            return context.proceed();
        } catch (DataAccessException e) {
            throw meaningful(e);
        }
    }

    static DataAccessException meaningful(DataAccessException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DataAccessException d && d.getClass() != DataAccessException.class) {
                return d;
            }
            if (t instanceof SQLException sql) {
                DataAccessException mapped = PostgresErrors.map(sql);
                return mapped != null ? mapped : e;
            }
        }
        return e;
    }
}
