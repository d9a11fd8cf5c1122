package io.patchbay.oauth.adapter.in.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.oauth.application.port.in.SessionsUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Controller("/__api__/v1/oauth/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth sessions")
public class SessionController {
    private final SessionsUseCase sessions;

    public SessionController(SessionsUseCase sessions) {
        this.sessions = sessions;
    }

    @Get
    @Operation(summary = "The caller's OAuth sessions; administrators also see those of their teams' integrations")
    public List<SessionResponse> list(@Parameter(hidden = true) Caller caller) {
        return sessions.list(caller).stream().map(WireMapper::session).toList();
    }

    @Get("/{guid}")
    @Operation(summary = "One OAuth session (its user or an administrator)")
    public SessionResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String guid) {
        return WireMapper.session(sessions.get(caller, IdKinds.guid(guid, "guid")));
    }

    @Delete("/{guid}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an OAuth session (its user or an administrator)")
    public void delete(@Parameter(hidden = true) Caller caller, @PathVariable String guid) {
        sessions.delete(caller, IdKinds.guid(guid, "guid"));
    }
}
