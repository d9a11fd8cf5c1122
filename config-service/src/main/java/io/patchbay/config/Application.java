package io.patchbay.config;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.patchbay.kernel.infra.audit.AuditController;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

// the kernel's GET /audit/events is one of this service's operations (operations.md "Audit trail")
@OpenAPIInclude(classes = AuditController.class)
@OpenAPIDefinition(
        info = @Info(title = "config-service", version = "1", description = "Patchbay integration configurations (Vercel-compatible)"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
