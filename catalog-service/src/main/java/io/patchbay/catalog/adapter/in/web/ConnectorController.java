package io.patchbay.catalog.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import io.patchbay.catalog.application.port.in.ConnectorsUseCase;
import io.patchbay.catalog.domain.Connector;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.web.request.QueryParams;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.paging.CursorCodec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

/** Apono's admin v3 connectors: the built-in connector of this deployment and connectors registered by name. */
@Controller("/api/admin/v3/connectors")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Connectors")
public class ConnectorController {
    private static final String TEAM = "X-Team-Id";
    private static final String TOKEN_KIND = "v3-connectors";

    private final ConnectorsUseCase connectors;
    private final CursorCodec cursors;

    public ConnectorController(ConnectorsUseCase connectors, CursorCodec cursors) {
        this.connectors = connectors;
        this.cursors = cursors;
    }

    @Get
    @Operation(summary = "list connectors", operationId = "listConnectorsV3", description = "Query parameters: status (CONNECTED, DISCONNECTED; "
            + "repeatable or comma-separated), limit (1-1000, default 100), page_token (opaque, carries the filter and limit of the first "
            + "request; another filter with it is 400).")
    public JsonNode list(@Parameter(hidden = true) Caller caller, HttpRequest<?> request, @Nullable @Header(TEAM) String team) {
        var params = request.getParameters();
        List<String> statuses = QueryParams.multi(params, "status", true).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        for (String s : statuses) {
            if (!s.equals("CONNECTED") && !s.equals("DISCONNECTED")) {
                throw Problems.validation("status", "must be CONNECTED or DISCONNECTED, was '" + s + "'");
            }
        }
        String limitParam = params.get("limit");
        int limit = IdKinds.LIMIT.parse(limitParam);
        int offset = 0;
        String token = params.get("page_token");
        if (token != null && !token.isEmpty()) {
            List<String> parts = cursors.decode(token, "page_token", 4);
            if (!TOKEN_KIND.equals(parts.get(0))) {
                throw Problems.validation("page_token", "is not a page token of this list");
            }
            List<String> carried = parts.get(1).isEmpty() ? List.of() : List.of(parts.get(1).split(","));
            if (!statuses.isEmpty() && !carried.equals(statuses)) {
                throw Problems.validation("page_token", "was issued for another status filter; send the page_token alone or with the same filter");
            }
            statuses = carried;
            if (limitParam == null) {
                limit = Integer.parseInt(parts.get(2));
            }
            offset = Integer.parseInt(parts.get(3));
        }
        List<String> wanted = statuses;
        List<Connector> all = connectors.list(caller, IdKinds.team(team)).stream()
                .filter(c -> wanted.isEmpty() || wanted.contains(c.connected() ? "CONNECTED" : "DISCONNECTED")).toList();
        List<JsonNode> items = all.stream().skip(offset).limit(limit).map(ConnectorController::connector).toList();
        String next = offset + limit < all.size() ? cursors.encode(List.of(TOKEN_KIND, String.join(",", wanted), Integer.toString(limit),
                Integer.toString(offset + limit))) : null;
        return WireMapper.obj().put("items", items).put("pagination", WireMapper.obj().put("next_page_token", next)).node();
    }

    @Get("/{id}")
    @Operation(summary = "get connector", operationId = "getConnectorV3")
    public JsonNode get(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @Header(TEAM) String team) {
        return connector(connectors.get(caller, IdKinds.team(team), IdKinds.CONNECTOR.check(id, "id")));
    }

    @Put("/{id}")
    @Operation(summary = "update (or register) a connector's name", operationId = "updateConnectorV3")
    public JsonNode update(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Valid @Body UpdateConnectorRequest body,
                           @Nullable @Header(TEAM) String team) {
        String checked = IdKinds.CONNECTOR.check(id, "id");
        return connector(connectors.upsert(caller, IdKinds.team(team), checked, body.name()));
    }

    @Delete("/{id}")
    @Operation(summary = "delete connector (the built-in one cannot be deleted)", operationId = "deleteConnectorV3")
    public HttpResponse<Void> delete(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @Header(TEAM) String team) {
        connectors.delete(caller, IdKinds.team(team), IdKinds.CONNECTOR.check(id, "id"));
        return HttpResponse.noContent();
    }

    static JsonNode connector(Connector c) {
        List<JsonNode> sessions = c.connected() ? List.of(WireMapper.obj().put("id", c.id() + "-session")
                .put("metadata", WireMapper.obj().put("cloud_provider_metadata", WireMapper.obj().put("local_deploy", true))
                        .put("connector_version", c.version()))
                .put("last_connected_time", c.lastConnected().toString()).node()) : List.of();
        return WireMapper.obj()
                .put("id", c.id())
                .put("name", c.name())
                .put("status", c.connected() ? "CONNECTED" : "DISCONNECTED")
                .put("version", c.version())
                .put("last_connected", c.lastConnected() == null ? null : c.lastConnected().toString())
                .put("is_latest_version", true)
                .put("cloud_provider_type", c.builtIn() ? "LOCAL" : "UNKNOWN")
                .put("sessions", sessions)
                .put("built_in", c.builtIn())
                .node();
    }
}
