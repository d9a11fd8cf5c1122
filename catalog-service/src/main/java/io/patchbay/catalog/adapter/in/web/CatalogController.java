package io.patchbay.catalog.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.catalog.application.port.in.CatalogUseCase;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.kernel.infra.web.request.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * The integrations catalog ({@code IntegrationConfig}) plus our additions {@code category} and {@code resource_types}; any
 * authenticated caller (the kernel's AuthenticationFilter) may read it.
 */
@Controller("/api/v2/integrations-catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Integrations catalog")
public class CatalogController {
    private final CatalogUseCase catalog;

    public CatalogController(CatalogUseCase catalog) {
        this.catalog = catalog;
    }

    @Get
    @Operation(summary = "list integration configs", operationId = "listIntegrationConfigs")
    public JsonNode list(@Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        int l = IdKinds.LIMIT.parse(limit);
        int o = QueryParams.offset(offset);
        List<CatalogType> all = catalog.list();
        List<JsonNode> page = all.stream().skip(o).limit(l).map(CatalogController::type).toList();
        return WireMapper.offsetPage(page, all.size(), l, o);
    }

    @Get("/{type}")
    @Operation(summary = "get integration config", operationId = "getIntegrationConfig")
    public JsonNode get(@PathVariable String type) {
        return type(catalog.get(IdKinds.TYPE.check(type, "type")));
    }

    static JsonNode type(CatalogType t) {
        return WireMapper.obj()
                .put("name", t.name())
                .put("type", t.type())
                .put("description", t.description())
                .put("category", t.category())
                .put("params", t.params().stream().map(p -> WireMapper.obj().put("id", p.id()).put("label", p.label()).put("values", p.values())
                        .put("default", p.defaultValue()).put("optional", p.optional()).node()).toList())
                .put("requires_secret", t.requiresSecret())
                .put("supported_secret_types", t.supportedSecretTypes())
                .put("secret_params", t.secretParams())
                .put("resource_types", t.resourceTypes().stream().map(r -> WireMapper.obj().put("id", r.id()).put("name", r.name())
                        .put("permissions", r.permissions()).node()).toList())
                .node();
    }
}
