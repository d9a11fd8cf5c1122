package io.patchbay.kernel.infra.jdbc;

import io.micronaut.aop.Around;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On every repository of every service: a failed statement surfaces as what {@link PostgresErrors} says it means (a
 * {@link DuplicateKeyException}, an {@link UnstorableTextException}, Micronaut Data's {@code OptimisticLockException}),
 * whatever the statement. Micronaut Data alone does not get there: it consults its {@code SqlExceptionMapper}s for
 * writes only (a failed query is a plain {@code DataAccessException}), and it wraps the exception of a failed save or
 * update in a plain {@code DataAccessException} ("Error executing PERSIST: …"). See {@link PostgresErrorMeaningInterceptor}.
 */
@Around
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PostgresErrorMeaning {
}
