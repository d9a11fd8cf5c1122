package io.patchbay.oauth.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.oauth.application.port.in.BrowserLoginUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The browser flow: {@code login} (signed in: any member of the integration's team) redirects to the provider; the provider
 * redirects back to {@code callback} (no token: the {@code state} names the user), which stores the session and redirects
 * to a small done page.
 */
@Controller("/__oauth__")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth browser login")
public class BrowserLoginController {
    static final String DONE = "/__oauth__/done";

    private final BrowserLoginUseCase login;

    public BrowserLoginController(BrowserLoginUseCase login) {
        this.login = login;
    }

    @Get("/integrations/{guid}/login")
    @Operation(summary = "Start the browser login: 302 to the provider's authorization endpoint (authorization code + PKCE)")
    public HttpResponse<?> login(@Parameter(hidden = true) Caller caller, @PathVariable String guid) {
        return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, login.start(caller, IdKinds.guid(guid, "guid")))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/integrations/callback")
    @Operation(summary = "The provider's redirect back: exchanges the code, stores the session (tokens sealed), 302 to the done page")
    public HttpResponse<?> callback(@Nullable @QueryValue String state, @Nullable @QueryValue String code, @Nullable @QueryValue String error,
                                    @Nullable @QueryValue("error_description") String errorDescription) {
        BrowserLoginUseCase.Completed done = login.complete(state, code, error, errorDescription);
        return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, DONE + "?integration=" + done.integrationGuid()
                + "&session=" + done.sessionGuid()).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get(value = "/done", produces = MediaType.TEXT_HTML)
    @Operation(summary = "Where the browser lands after a login")
    public String done() {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Signed in</title></head>"
                + "<body><p>You are signed in. You can close this window.</p></body></html>";
    }
}
