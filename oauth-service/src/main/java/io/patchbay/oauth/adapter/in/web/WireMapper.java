package io.patchbay.oauth.adapter.in.web;

import io.patchbay.oauth.application.PublishedNames;
import io.patchbay.oauth.application.port.in.IntegrationView;
import io.patchbay.oauth.domain.Association;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.OAuthSession;
import io.patchbay.oauth.application.port.in.VerifyIntegrationUseCase;
import io.patchbay.oauth.domain.Template;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.TreeMap;

/** Domain → Posit's wire format (snake_case, RFC 3339 whole seconds, numeric ids as strings). */
final class WireMapper {
    private WireMapper() {
    }

    static IntegrationResponse integration(IntegrationView view) {
        OAuthIntegration i = view.integration();
        return new IntegrationResponse(Long.toString(i.id()), i.guid().toString(), time(i.createdTime()), time(i.updatedTime()), i.name(),
                i.description(), i.template(), PublishedNames.NAMES.name(i.authType()), new TreeMap<>(i.config()), view.contentCount(), i.configurationId(),
                PublishedNames.NAMES.name(i.state()), i.disabledReason());
    }

    static AssociationResponse association(Association a) {
        return new AssociationResponse(a.contentGuid().toString(), a.integrationGuid().toString(), a.integrationName(), a.integrationDescription(),
                a.integrationTemplate(), PublishedNames.NAMES.name(a.integrationAuthType()), time(a.createdTime()));
    }

    static TemplateResponse template(Template t) {
        return new TemplateResponse(t.id(), t.name(), t.description(), t.authTypes().stream().map(PublishedNames.NAMES::name).toList(),
                t.options().stream().map(o -> new TemplateResponse.Option(o.name(), o.label(), PublishedNames.NAMES.name(o.type()), o.values(), o.defaultValue())).toList(),
                t.fields().stream().map(f -> new TemplateResponse.Field(f.name(), f.label(), f.description(), f.required(), f.secret(), f.validation(),
                        f.validationDescription(), f.multiline(), f.visibilityExpression())).toList(),
                new TreeMap<>(t.endpoints()),
                t.rules().stream().map(r -> new TemplateResponse.Rule(r.kind().name().toLowerCase(Locale.ROOT), r.field(), r.value(), r.when(),
                        r.expression(), r.message())).toList());
    }

    static SessionResponse session(OAuthSession s) {
        return new SessionResponse(Long.toString(s.id()), s.guid().toString(), s.userId(), s.integrationGuid().toString(), s.hasRefreshToken(),
                time(s.createdTime()), time(s.updatedTime()));
    }

    static VerifyResponse verification(VerifyIntegrationUseCase.Verification v) {
        return new VerifyResponse(v.verified(), v.providerStatus(), v.error(), v.errorDescription(), v.tokenType(), v.expiresIn(), v.scope());
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
