package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.in.InstallView;
import io.patchbay.environment.application.port.in.IntegrationView;
import io.patchbay.environment.domain.Environment;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.infra.json.JsonTrees;
import io.patchbay.kernel.paging.CursorCodec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The wire format (seeds 001/002): snake_case, UUIDs, ISO-8601 UTC timestamps with milliseconds, nulls written out. */
final class Wire {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static String time(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TeamResponse(String id, String name, String domain, String logo, @JsonProperty("is_verified") boolean isVerified,
                        @JsonProperty("is_white_label") boolean isWhiteLabel, @JsonProperty("tos_link") String tosLink,
                        @JsonProperty("allow_impersonation") boolean allowImpersonation, @JsonProperty("created_at") String createdAt,
                        @JsonProperty("updated_at") String updatedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EnvironmentResponse(String id, @JsonProperty("team_id") String teamId, String name, @JsonProperty("created_at") String createdAt,
                               @JsonProperty("updated_at") String updatedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record IntegrationResponse(String id, String name, String category, @JsonProperty("is_beta") boolean isBeta, JsonNode config,
                               @JsonProperty("team_id") String teamId, String sharing, @JsonProperty("created_at") String createdAt,
                               @JsonProperty("updated_at") String updatedAt,
                               @JsonProperty("installed_environment") List<String> installedEnvironment, TeamResponse team) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EnvironmentIntegrationResponse(String id, @JsonProperty("integration_id") String integrationId,
                                          @JsonProperty("environment_id") String environmentId,
                                          @JsonProperty("show_in_catalog") boolean showInCatalog,
                                          @JsonProperty("is_enabled") boolean isEnabled, @JsonProperty("created_at") String createdAt,
                                          @JsonProperty("updated_at") String updatedAt, IntegrationResponse integration, JsonNode override,
                                          @JsonProperty("configuration_id") String configurationId, String lifecycle,
                                          @JsonProperty("disabled_reason") String disabledReason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ListResponse<T>(List<T> result, @JsonProperty("next_cursor") String nextCursor) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record IdResponse(String id) {
    }

    /** One page in the wire's list shape, the next cursor encoded (null after the last page). */
    static <T, R> ListResponse<R> list(Page<T> listing, Function<T, R> item, CursorCodec cursors) {
        return new ListResponse<>(listing.items().stream().map(item).toList(),
                listing.next().map(k -> IdKinds.encode(cursors, k)).orElse(null));
    }

    static TeamResponse team(TeamProfile t) {
        return new TeamResponse(t.id(), t.name(), t.domain(), t.logo(), t.verified(), t.whiteLabel(), t.tosLink(), t.allowImpersonation(),
                time(t.createdAt()), time(t.updatedAt()));
    }

    static EnvironmentResponse environment(Environment e) {
        return new EnvironmentResponse(e.id().toString(), e.teamId(), e.name(), time(e.createdAt()), time(e.updatedAt()));
    }

    static IntegrationResponse integration(IntegrationView v) {
        Integration i = v.integration();
        return new IntegrationResponse(i.id().toString(), i.name(), i.category(), i.beta(), JsonTrees.node(v.maskedConfig()), i.teamId(),
                i.sharing().wire(), time(i.createdAt()), time(i.updatedAt()),
                v.installedEnvironments().stream().map(Object::toString).toList(), team(v.team()));
    }

    static EnvironmentIntegrationResponse install(InstallView v) {
        EnvironmentIntegration i = v.install();
        return new EnvironmentIntegrationResponse(i.id().toString(), i.integrationId().toString(), i.environmentId().toString(),
                i.showInCatalog(), i.enabled(), time(i.createdAt()), time(i.updatedAt()), integration(v.integration()),
                JsonTrees.node(v.maskedOverride()), i.configurationId(), i.lifecycle().wire(), i.disabledReason());
    }

    static JsonNode config(Map<String, Object> config) {
        return JsonTrees.node(config);
    }
}
