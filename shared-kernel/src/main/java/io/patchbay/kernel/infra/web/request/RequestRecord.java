package io.patchbay.kernel.infra.web.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body record (with {@code @Serdeable}), read by {@link RequestRecordReader}: a body that is not a JSON object,
 * a field the record does not name and a value of the wrong JSON type are each a 400 naming the field, before the record
 * is built; the record's constraints ({@code @Valid} on the controller's parameter) are then answered the same way by
 * {@link ConstraintProblems}. Wire names are the components' {@code @JsonProperty} names, or their own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequestRecord {
}
