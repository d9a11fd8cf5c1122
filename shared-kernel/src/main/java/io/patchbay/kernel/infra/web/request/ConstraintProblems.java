package io.patchbay.kernel.infra.web.request;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import io.patchbay.kernel.error.FieldError;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.web.ProblemBody;
import io.patchbay.kernel.infra.web.ProblemResponses;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A request record's constraints that do not hold ({@code @Valid} on a controller's body) are a 400 problem like every
 * other bad input: one error per violation, named by the field's wire path ({@code integration.scopes[2]}), "is required"
 * for a missing value.
 */
@Singleton
@Produces(ProblemBody.MEDIA_TYPE)
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintProblems implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(ConstraintProblems::error)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemResponses.of(Problems.validation(errors));
    }

    static FieldError error(ConstraintViolation<?> violation) {
        return new FieldError(wirePath(violation), message(violation));
    }

    private static String message(ConstraintViolation<?> violation) {
        Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        boolean missing = violation.getInvalidValue() == null
                && (constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class);
        return missing ? "is required" : violation.getMessage();
    }

    /** The violation's path in the request's own names: the body's fields by their wire names, from the body down. */
    static String wirePath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        Type current = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                Object[] parameters = violation.getExecutableParameters();
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                Object value = parameters != null && index < parameters.length ? parameters[index] : null;
                current = value == null ? null : value.getClass();
                if (value instanceof List<?> list && !list.isEmpty() && list.getFirst() != null
                        && list.getFirst().getClass().isAnnotationPresent(RequestRecord.class)) {
                    current = listOf(list.getFirst().getClass()); // a body that is an array of records: "[2].name"
                } else if (current == null || !(current instanceof Class<?> c && c.isAnnotationPresent(RequestRecord.class))) {
                    path.append(node.getName());
                }
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.getIndex() != null || node.getKey() != null) {
                path.append(node.getIndex() != null ? "[" + node.getIndex() + "]" : "." + node.getKey());
                current = elementOf(current);
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            RecordComponent component = componentOf(current, node.getName());
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(component == null ? node.getName() : RecordShape.wireName(component));
            current = component == null ? null : component.getGenericType();
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ParameterizedType listOf(Class<?> element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }

    private static RecordComponent componentOf(Type type, String name) {
        if (type instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return component;
                }
            }
        }
        return null;
    }

    private static Type elementOf(Type container) {
        if (container instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] arguments = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw) && arguments.length == 1) {
                return arguments[0];
            }
            if (Map.class.isAssignableFrom(raw) && arguments.length == 2) {
                return arguments[1];
            }
        }
        return null;
    }
}
