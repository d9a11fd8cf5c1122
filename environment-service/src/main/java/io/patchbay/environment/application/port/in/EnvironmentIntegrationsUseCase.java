package io.patchbay.environment.application.port.in;

import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore.InstallFilter;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.kernel.auth.Caller;

import java.util.Map;
import java.util.UUID;

public interface EnvironmentIntegrationsUseCase {
    InstallView install(Caller caller, InstallCommand command);

    InstallView get(Caller caller, UUID id);

    Page<InstallView> list(Caller caller, InstallFilter filter, int limit, PageKey after);

    /** PATCH: replaces the override as a whole; {@code ifMatch} (an ETag) must match when given, else 412. */
    InstallView patch(Caller caller, UUID id, UpdateInstallCommand command);

    /** RFC 7396 merge patch of the stored override. */
    InstallView mergeOverride(Caller caller, UUID id, Map<String, Object> patch, String ifMatch);

    void uninstall(Caller caller, UUID id);

    /** The base config with the override deep-merged over it, secrets masked. */
    Map<String, Object> effectiveConfig(Caller caller, UUID id);

    InstallView approve(Caller caller, UUID id);

    void reject(Caller caller, UUID id);
}
