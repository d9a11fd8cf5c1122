package io.patchbay.config.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

final class TeamResponses {
    private TeamResponses() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TeamResponse(String id, String slug, String plan) {
    }

    @Serdeable
    record MemberResponse(String teamId, String userId, String role) {
    }
}
