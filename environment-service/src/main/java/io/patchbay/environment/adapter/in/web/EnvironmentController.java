package io.patchbay.environment.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.in.EnvironmentsUseCase;
import io.patchbay.environment.domain.Environment;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.infra.web.request.NamedTeams;
import io.patchbay.kernel.infra.web.request.QueryParams;
import io.patchbay.kernel.paging.CursorCodec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/environment")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Environments")
public class EnvironmentController {
    private final EnvironmentsUseCase environments;
    private final CursorCodec cursors;

    public EnvironmentController(EnvironmentsUseCase environments, CursorCodec cursors) {
        this.environments = environments;
        this.cursors = cursors;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create an environment in the acting team (team_id, else X-Team-Id, else the caller's only team)")
    public EnvironmentResponse create(@Parameter(hidden = true) Caller caller,
            @Valid @Body CreateEnvironmentRequest body, @Nullable @Header(NamedTeams.HEADER) String teamHeader) {
        NamedTeam team = NamedTeams.named(IdKinds.TEAM, body.teamId(), "team_id", teamHeader);
        return WireMapper.environment(environments.create(caller, team, body.name()));
    }

    @Get
    @Operation(summary = "List environments (newest first; filters team_id, name; limit 1-100, next_cursor)")
    public ListResponse<EnvironmentResponse> list(@Parameter(hidden = true) Caller caller, HttpRequest<?> request,
            @Nullable @QueryValue("team_id") String teamId, @Nullable @QueryValue String name,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100",
            defaultValue = "25")) @Nullable @QueryValue String limit,
            @Nullable @QueryValue("next_cursor") String nextCursor) {
        QueryParams.onlyKnown(request.getParameters(), "team_id", "name", "limit", "next_cursor");
        Page<Environment> listing = environments.list(caller, IdKinds.TEAM.optional(teamId, "team_id"), QueryParams.storable(name, "name"),
                IdKinds.LIMIT.parse(limit), IdKinds.cursor(cursors, nextCursor));
        return WireMapper.list(listing, WireMapper::environment, cursors);
    }

    @Get("/{id}")
    @Operation(summary = "Get an environment")
    public EnvironmentResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return WireMapper.environment(environments.get(caller, IdKinds.uuid(id, "id")));
    }

    @Patch("/{id}")
    @Operation(summary = "Rename an environment")
    public EnvironmentResponse update(@Parameter(hidden = true) Caller caller, @PathVariable String id,
            @Valid @Body RenameEnvironmentRequest body) {
        return WireMapper.environment(environments.rename(caller, IdKinds.uuid(id, "id"), body.name()));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete an environment (409 while integrations are installed in it)")
    public IdResponse delete(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        var uuid = IdKinds.uuid(id, "id");
        environments.delete(caller, uuid);
        return new IdResponse(uuid.toString());
    }
}
