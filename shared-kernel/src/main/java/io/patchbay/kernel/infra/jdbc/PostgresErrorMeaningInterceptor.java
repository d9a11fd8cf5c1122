package io.patchbay.kernel.infra.jdbc;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/** See {@link PostgresErrorMeaning}. */
@Singleton
@InterceptorBean(PostgresErrorMeaning.class)
public class PostgresErrorMeaningInterceptor implements MethodInterceptor<Object, Object> {
    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            return context.proceed();
        } catch (DataAccessException e) {
            throw meaningful(e);
        }
    }

    /** The meaningful exception inside {@code e} (one Micronaut Data mapped already, or what PostgresErrors makes of the SQL error), else {@code e}. */
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
