package io.patchbay.config.adapter.out.persistence;

import io.micronaut.aop.Around;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A repository whose failures carry their meaning ({@link DataErrors}): every statement it runs, read or write, fails
 * with the kernel's {@code DuplicateKeyException} or {@code UnstorableTextException} where PostgreSQL said so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Around
@interface MeaningfulErrors {

    @Singleton
    @InterceptorBean(MeaningfulErrors.class)
    class Interceptor implements MethodInterceptor<Object, Object> {
        @Override
        public Object intercept(MethodInvocationContext<Object, Object> context) {
            try {
                return context.proceed();
            } catch (DataAccessException e) {
                throw DataErrors.meaning(e);
            }
        }
    }
}
