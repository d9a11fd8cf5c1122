package io.patchbay.oauth;

import io.micronaut.context.ApplicationContext;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.patchbay.kernel.infra.audit.AuditController;
import io.patchbay.kernel.infra.deadletter.DeadLetterController;
import io.patchbay.oauth.application.port.in.ReencryptSecretsUseCase;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.util.HashMap;
import java.util.Map;

// the kernel's GET /audit/events (operations.md "Audit trail") and, as this service consumes the lifecycle topic,
// its /admin/dead-letters are operations of this service
@OpenAPIInclude(classes = {AuditController.class, DeadLetterController.class})
@OpenAPIDefinition(
        info = @Info(title = "oauth-service", version = "1", description = "Patchbay OAuth integrations (Posit Connect-compatible)"),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "key")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityScheme(name = "key", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "Authorization",
        description = "Posit clients: Authorization: Key <JWT>")
public class Application {
    public static final String REENCRYPT_COMMAND = "reencrypt-secrets";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(REENCRYPT_COMMAND)) {
            ReencryptSecretsUseCase.Report report = reencrypt(Map.of());
            System.out.printf("re-encrypted %d sealed value(s); %d could not be opened%n", report.resealed(), report.failed());
            System.exit(report.failed() == 0 ? 0 : 1);
        }
        Micronaut.run(Application.class, args);
    }

    /** The {@code reencrypt-secrets} command: one pass over every sealed value, without the HTTP server or the consumer. */
    public static ReencryptSecretsUseCase.Report reencrypt(Map<String, Object> properties) {
        Map<String, Object> props = new HashMap<>(properties);
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.secrets.reencrypt.enabled", "false");
        props.put("patchbay.topic.provision", "false");
        try (ApplicationContext context = ApplicationContext.builder(Application.class).properties(props).start()) {
            return context.getBean(ReencryptSecretsUseCase.class).reencrypt();
        }
    }
}
