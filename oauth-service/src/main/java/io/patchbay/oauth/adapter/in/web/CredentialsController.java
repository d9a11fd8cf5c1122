package io.patchbay.oauth.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.auth.TokenVerifier;
import io.patchbay.oauth.application.port.in.ExchangeCredentialsUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Set;

/**
 * RFC 8693 token exchange, as Posit content calls it: form-encoded {@code grant_type}, {@code audience} (the integration guid),
 * {@code subject_token} (a Patchbay token naming the user whose session is wanted; for Service Account integrations any valid
 * token, usually the caller's own) and {@code subject_token_type}. The caller authenticates with its own token as usual.
 */
@Controller("/__api__/v1/oauth/integrations/credentials")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth credentials")
public class CredentialsController {
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    static final Set<String> SUBJECT_TOKEN_TYPES = Set.of(ACCESS_TOKEN_TYPE, "urn:ietf:params:oauth:token-type:jwt",
            "urn:posit:connect:user-session-token", "urn:posit:connect:content-session-token");
    static final Set<String> PARAMETERS = Set.of("grant_type", "audience", "subject_token", "subject_token_type", "requested_token_type",
            "resource", "scope", "actor_token", "actor_token_type");

    private final ExchangeCredentialsUseCase exchange;
    private final TokenVerifier tokens;

    public CredentialsController(ExchangeCredentialsUseCase exchange, TokenVerifier tokens) {
        this.exchange = exchange;
        this.tokens = tokens;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Exchange a subject token for the integration's access token (RFC 8693; administrators and publishers)")
    public HttpResponse<CredentialsResponse> exchange(@Parameter(hidden = true) Caller caller, @Nullable @Body String body, @Nullable @Header(IntegrationController.TEAM_HEADER) String team) {
        FormBody form = FormBody.parse(body, PARAMETERS);
        String grantType = form.required("grant_type");
        if (!GRANT_TYPE.equals(grantType)) {
            throw Problems.validation("grant_type", "must be " + GRANT_TYPE);
        }
        var audience = IdKinds.guid(form.required("audience"), "audience");
        String subjectTokenType = form.required("subject_token_type");
        if (!SUBJECT_TOKEN_TYPES.contains(subjectTokenType)) {
            throw Problems.validation("subject_token_type", "must be one of " + String.join(", ", SUBJECT_TOKEN_TYPES.stream().sorted().toList()));
        }
        form.optional("requested_token_type").filter(t -> !t.equals(ACCESS_TOKEN_TYPE)).ifPresent(t -> {
            throw Problems.validation("requested_token_type", "only " + ACCESS_TOKEN_TYPE + " can be issued");
        });
        String subjectToken = form.required("subject_token");
        Caller subject;
        try {
            subject = tokens.verify(subjectToken);
        } catch (ProblemException e) {
            // the verifier answers 401 for every bad token; here the token is a parameter, so it is a 400 naming it
            throw Problems.validation("subject_token", "is not a valid Patchbay token (" + e.detail() + ")");
        }
        ExchangeCredentialsUseCase.Credentials credentials = exchange.exchange(caller, IdKinds.team(team), audience, subject.userId());
        return HttpResponse.ok(new CredentialsResponse(credentials.accessToken(), ACCESS_TOKEN_TYPE, credentials.tokenType(), credentials.expiresIn()))
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
