package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.aop.Around;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a repository: a failed statement surfaces as the kernel's {@code PostgresErrors} names it (a
 * {@code DuplicateKeyException}, an {@code UnstorableTextException}), whatever the statement. Micronaut Data alone does
 * not get there: it consults its {@code SqlExceptionMapper}s for writes only (a failed query is a plain
 * {@code DataAccessException}), and it wraps the mapped exception of a failed save, update or delete in a plain
 * {@code DataAccessException} ("Error executing PERSIST: …"), so neither the adapters' 409 nor the kernel's 400 for a NUL
 * would see it.
 */
@Around
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface MapsPostgresErrors {
}
