package io.patchbay.oauth.adapter.out.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.Map;

/** One template file (src/main/resources/templates/<key>.json) as written. */
@Serdeable(naming = SnakeCaseStrategy.class)
record TemplateFile(String id, String name, @Nullable String description, List<String> authTypes, @Nullable List<Option> options,
                    List<Field> fields, Map<String, String> endpoints, @Nullable List<Rule> rules) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Option(String name, @Nullable String label, String type, @Nullable List<String> values, @JsonProperty("default") String defaultValue) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Field(String name, @Nullable String label, @Nullable String description, @Nullable Boolean required, @Nullable Boolean secret,
                 @Nullable String validation, @Nullable String validationDescription, @Nullable Boolean multiline,
                 @Nullable String visibilityExpression) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Rule(String kind, String field, @Nullable String value, @Nullable String when, @Nullable String expression, @Nullable String message) {
    }
}
