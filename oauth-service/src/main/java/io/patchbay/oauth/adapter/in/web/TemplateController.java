package io.patchbay.oauth.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.oauth.application.port.in.TemplatesUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Controller("/__api__/v1/oauth/templates")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth templates")
public class TemplateController {
    private final TemplatesUseCase templates;

    public TemplateController(TemplatesUseCase templates) {
        this.templates = templates;
    }

    @Get
    @Operation(summary = "The shipped OAuth templates (read-only; administrators and publishers)")
    public List<TemplateResponse> list(@Parameter(hidden = true) Caller caller, @Nullable @Header(IntegrationController.TEAM_HEADER) String team) {
        return templates.list(caller, IdKinds.team(team)).stream().map(WireMapper::template).toList();
    }

    @Get("/{key}")
    @Operation(summary = "One OAuth template")
    public TemplateResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String key, @Nullable @Header(IntegrationController.TEAM_HEADER) String team) {
        return WireMapper.template(templates.get(caller, IdKinds.team(team), IdKinds.TEMPLATE_KEY.check(key, "key")));
    }
}
