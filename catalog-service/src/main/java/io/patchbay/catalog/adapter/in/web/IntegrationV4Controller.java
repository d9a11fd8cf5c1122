package io.patchbay.catalog.adapter.in.web;

import io.patchbay.catalog.application.PublishedNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import io.patchbay.catalog.application.port.in.IntegrationFilter;
import io.patchbay.catalog.application.port.in.IntegrationPage;
import io.patchbay.catalog.application.port.in.IntegrationsUseCase;
import io.patchbay.catalog.application.port.in.PageAfter;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.NameFilter;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.web.request.QueryParams;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.paging.CursorCodec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Apono's admin v4 integrations API. Every endpoint acts for the X-Team-Id team (or the caller's only team). */
@Controller("/api/admin/v4/integrations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Integrations")
public class IntegrationV4Controller {
    private static final String TEAM = "X-Team-Id";
    private static final String LIST_SEP = "\u001e";
    private static final String TOKEN_KIND = "v4-integrations";

    private final IntegrationsUseCase integrations;
    private final WireMapper wire;
    private final CursorCodec cursors;
    private final ReplaceBodies replaceBodies;

    public IntegrationV4Controller(IntegrationsUseCase integrations, WireMapper wire, CursorCodec cursors, ReplaceBodies replaceBodies) {
        this.integrations = integrations;
        this.wire = wire;
        this.cursors = cursors;
        this.replaceBodies = replaceBodies;
    }

    @Get
    @Operation(summary = "list Integrations", operationId = "listIntegrationsV4", description = "Query parameters: name (wildcards: *x* contains, "
            + "x* prefix, *x suffix, no * exact; case-insensitive; % and _ match literally); type (repeatable, type[] too; same wildcards); "
            + "category, connector_id, status (repeatable or comma-separated); limit (1-1000, default 100); page_token (opaque, carries the "
            + "filters of the first request, so it may be sent alone).")
    public JsonNode list(@Parameter(hidden = true) Caller caller, HttpRequest<?> request, @Nullable @Header(TEAM) String team) {
        var params = request.getParameters();
        String name = params.get("name");
        name = name == null || name.isEmpty() ? null : name;
        if (name != null) {
            NameFilter.likePattern(name, "name");
        }
        List<String> types = QueryParams.multi(params, "type", false);
        types.forEach(t -> NameFilter.likePattern(t, "type"));
        List<String> categories = QueryParams.multi(params, "category", true);
        List<String> connectorIds = QueryParams.multi(params, "connector_id", true);
        List<IntegrationStatus> statuses = new ArrayList<>();
        for (String s : QueryParams.multi(params, "status", true)) {
            statuses.add(PublishedNames.NAMES.fromRequestIgnoringCase(IntegrationStatus.class, s, "status"));
        }
        IntegrationFilter filter = new IntegrationFilter(name, types, categories, connectorIds, statuses);
        String limitParam = params.get("limit");
        int limit = IdKinds.LIMIT.parse(limitParam);
        PageAfter after = null;
        String token = params.get("page_token");
        if (token != null && !token.isEmpty()) {
            List<String> parts = cursors.decode(token, "page_token", 9);
            if (!TOKEN_KIND.equals(parts.get(0))) {
                throw Problems.validation("page_token", "is not a page token of this list");
            }
            IntegrationFilter carried = new IntegrationFilter(parts.get(1).isEmpty() ? null : parts.get(1).substring(1), split(parts.get(2)),
                    split(parts.get(3)), split(parts.get(4)),
                    split(parts.get(5)).stream().map(s -> PublishedNames.NAMES.fromRequest(IntegrationStatus.class, s, "page_token")).toList());
            boolean sentFilters = name != null || !types.isEmpty() || !categories.isEmpty() || !connectorIds.isEmpty() || !statuses.isEmpty();
            if (sentFilters && !carried.equals(filter)) {
                throw Problems.validation("page_token", "was issued for other filters; send the page_token alone or with the same filters");
            }
            filter = carried;
            if (limitParam == null) {
                limit = Integer.parseInt(parts.get(6));
            }
            after = new PageAfter(parts.get(7), parts.get(8));
        }
        IntegrationPage page = integrations.list(caller, IdKinds.team(team), filter, limit, after);
        String next = page.next() == null ? null : cursors.encode(List.of(TOKEN_KIND, filter.name() == null ? "" : "=" + filter.name(),
                String.join(LIST_SEP, filter.types()), String.join(LIST_SEP, filter.categories()), String.join(LIST_SEP, filter.connectorIds()),
                filter.statuses().stream().map(PublishedNames.NAMES::name).collect(Collectors.joining(LIST_SEP)), Integer.toString(limit), page.next().nameLower(), page.next().id()));
        return WireMapper.obj().put("items", page.items().stream().map(wire::v4).toList())
                .put("pagination", WireMapper.obj().put("next_page_token", next)).node();
    }

    @Post
    @Operation(summary = "Create Integration (200 IntegrationV4; a discovery is queued)", operationId = "createIntegrationV4")
    public JsonNode create(@Parameter(hidden = true) Caller caller, @Valid @Body CreateIntegrationV4Request body, @Nullable @Header(TEAM) String team) {
        IntegrationSpec spec = IntegrationBodies.v4(body, true);
        return wire.v4(WireFields.V4.naming(() -> integrations.create(caller, IdKinds.team(team), spec)));
    }

    @Get("/{id}")
    @Operation(summary = "Get Integration By Id", operationId = "getIntegrationsByIdV4")
    public JsonNode get(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @Header(TEAM) String team) {
        return wire.v4(integrations.get(caller, IdKinds.team(team), IdKinds.INTEGRATION.check(id, "id")));
    }

    @Put("/{id}")
    @Operation(summary = "Update Integration (full replace; type is immutable)", operationId = "updateIntegrationV4")
    public JsonNode update(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                           @RequestBody(content = @Content(schema = @Schema(implementation = UpdateIntegrationV4Request.class)))
                           @Nullable @Body JsonNode body, @Nullable @Header(TEAM) String team) {
        String checked = IdKinds.INTEGRATION.check(id, "id");
        IntegrationSpec spec = replaceBodies.v4(body);
        return wire.v4(WireFields.V4.naming(() -> integrations.replace(caller, IdKinds.team(team), checked, spec)));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete Integration (with its resources, permissions and tags)", operationId = "deleteIntegrationV4")
    public HttpResponse<Void> delete(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @Header(TEAM) String team) {
        integrations.delete(caller, IdKinds.team(team), IdKinds.INTEGRATION.check(id, "id"));
        return HttpResponse.noContent();
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(LIST_SEP, -1));
    }
}
