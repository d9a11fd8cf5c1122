package io.patchbay.test;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a response is the RFC 9457 problem every Patchbay error must be, naming the field when there is one. */
public final class ProblemAssert {
    private ProblemAssert() {
    }

    public static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r + " " + r.raw().headers().map()).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isNotBlank();
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("type").asText()).startsWith("https://");
        assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.micronaut");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(r.toString()).contains(field);
        }
    }
}
