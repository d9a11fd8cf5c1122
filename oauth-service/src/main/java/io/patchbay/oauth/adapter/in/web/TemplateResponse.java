package io.patchbay.oauth.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.Map;

/** A template as served read-only: what a client needs to render a form and what the service validates against. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TemplateResponse(String id, String name, String description, List<String> authTypes, List<Option> options, List<Field> fields,
                               Map<String, String> endpoints, List<Rule> rules) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Option(String name, String label, String type, List<String> values, @JsonProperty("default") String defaultValue) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Field(String name, String label, String description, boolean required, boolean secret, String validation,
                        String validationDescription, boolean multiline, String visibilityExpression) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String kind, String field, String value, String when, String expression, String message) {
    }
}
