package io.patchbay.environment.application;

import io.patchbay.environment.application.port.in.InstallView;
import io.patchbay.environment.application.port.in.IntegrationView;
import io.patchbay.environment.application.port.out.IntegrationStore;
import io.patchbay.environment.application.port.out.IntegrationStore.InstalledIn;
import io.patchbay.environment.application.port.out.TeamStore;
import io.patchbay.environment.domain.ConfigSecrets;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.auth.Caller;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds what callers see, a page at a time (one query per kind of embedded object), secrets masked. */
@Singleton
class Views {
    private final IntegrationStore integrations;
    private final TeamStore teams;

    Views(IntegrationStore integrations, TeamStore teams) {
        this.integrations = integrations;
        this.teams = teams;
    }

    /** {@code installed_environment} lists only environments the caller may see (all of them for the owning team). */
    List<IntegrationView> integrations(Caller caller, Collection<Integration> items) {
        Map<UUID, List<InstalledIn>> installed = integrations.installedEnvironments(items.stream().map(Integration::id).toList());
        Map<String, TeamProfile> profiles = teams.findAll(items.stream().map(Integration::teamId).distinct().toList()).stream()
                .collect(Collectors.toMap(TeamProfile::id, Function.identity()));
        return items.stream().map(i -> new IntegrationView(i, ConfigSecrets.mask(i.config()),
                profiles.getOrDefault(i.teamId(), TeamProfile.blank(i.teamId(), i.createdAt(), i.createdBy())),
                installed.getOrDefault(i.id(), List.of()).stream()
                        .filter(in -> Access.seesInstallLocation(caller, i, in.environmentId(), in.teamId()))
                        .map(InstalledIn::environmentId).toList())).toList();
    }

    IntegrationView integration(Caller caller, Integration integration) {
        return integrations(caller, List.of(integration)).getFirst();
    }

    List<InstallView> installs(Caller caller, Collection<EnvironmentIntegration> items) {
        Map<UUID, IntegrationView> byId = integrations(caller, integrations.findAll(items.stream().map(EnvironmentIntegration::integrationId)
                .distinct().toList())).stream().collect(Collectors.toMap(v -> v.integration().id(), Function.identity()));
        return items.stream().map(i -> new InstallView(i, ConfigSecrets.mask(i.override()), byId.get(i.integrationId()))).toList();
    }

    InstallView install(Caller caller, EnvironmentIntegration install) {
        return installs(caller, List.of(install)).getFirst();
    }
}
