package io.patchbay.environment;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.patchbay.kernel.infra.audit.AuditController;
import io.patchbay.kernel.infra.deadletter.DeadLetterController;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

// the kernel's GET /audit/events (operations.md "Audit trail") and, as this service consumes the lifecycle topic,
// its /admin/dead-letters are operations of this service
@OpenAPIInclude(classes = {AuditController.class, DeadLetterController.class})
@OpenAPIDefinition(
        info = @Info(title = "environment-service", version = "1",
                description = "Patchbay integrations, environments and environment integrations (Truto-compatible)"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
