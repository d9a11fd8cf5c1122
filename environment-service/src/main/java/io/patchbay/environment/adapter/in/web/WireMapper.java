package io.patchbay.environment.adapter.in.web;

import io.patchbay.environment.application.PublishedNames;
import io.micronaut.json.tree.JsonNode;
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
import java.util.Map;
import java.util.function.Function;

/** The wire format (seeds 001/002): snake_case, UUIDs, ISO-8601 UTC timestamps with milliseconds, nulls written out. */
final class WireMapper {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireMapper() {
    }

    static String time(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
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
                PublishedNames.NAMES.name(i.sharing()), time(i.createdAt()), time(i.updatedAt()),
                v.installedEnvironments().stream().map(Object::toString).toList(), team(v.team()));
    }

    static EnvironmentIntegrationResponse install(InstallView v) {
        EnvironmentIntegration i = v.install();
        return new EnvironmentIntegrationResponse(i.id().toString(), i.integrationId().toString(), i.environmentId().toString(),
                i.showInCatalog(), i.enabled(), time(i.createdAt()), time(i.updatedAt()), integration(v.integration()),
                JsonTrees.node(v.maskedOverride()), i.configurationId(), PublishedNames.NAMES.name(i.lifecycle()), i.disabledReason());
    }

    static JsonNode config(Map<String, Object> config) {
        return JsonTrees.node(config);
    }
}
