package io.patchbay.environment.application;

import io.patchbay.environment.application.port.in.UpdateIntegrationCommand;
import io.patchbay.environment.application.port.in.CreateIntegrationCommand;
import io.patchbay.environment.application.port.in.IntegrationView;
import io.patchbay.environment.application.port.in.IntegrationsUseCase;
import io.patchbay.environment.application.port.out.ConfigSizer;
import io.patchbay.environment.application.port.out.IntegrationStore;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.TeamStore;
import io.patchbay.environment.domain.ConfigSecrets;
import io.patchbay.environment.domain.Configs;
import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.ActingTeam;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.secret.SecretBox;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

@Singleton
public class IntegrationService implements IntegrationsUseCase {
    private final IntegrationStore integrations;
    private final TeamStore teams;
    private final Views views;
    private final SecretBox secrets;
    private final ConfigSizer sizes;
    private final AuditTrail audit;
    private final Clock clock;

    public IntegrationService(IntegrationStore integrations, TeamStore teams, Views views, SecretBox secrets, ConfigSizer sizes,
                              AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.integrations = integrations;
        this.teams = teams;
        this.views = views;
        this.secrets = secrets;
        this.sizes = sizes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IntegrationView create(Caller caller, CreateIntegrationCommand c) {
        Access.requireUnscoped(caller);
        String team = ActingTeam.require(caller, c.team(), "team_id");
        if (!Access.managesTeam(caller, team)) {
            throw new DomainException.NotPermitted("only OWNER, MEMBER and DEVELOPER members of " + team + " may create integrations");
        }
        Map<String, Object> config = c.config() == null ? Map.of() : c.config();
        Configs.validate(config, "config", Configs.Kind.CONFIG);
        Configs.checkSize(sizes.bytes(config), "config");
        long now = clock.millis();
        Integration integration = new Integration(Ids.uuid(), team, Integration.checkName(c.name(), "name"),
                Integration.checkCategory(c.category(), "category"), c.beta(), ConfigSecrets.seal(config, Map.of(), secrets, "config"),
                c.sharing() == null ? Sharing.ALLOW : c.sharing(), 1, now, now, caller.userId(), caller.userId());
        teams.ensure(TeamProfile.blank(team, now, caller.userId()));
        integrations.insert(integration);
        audit.record(EnvironmentAudit.integration("created", null, integration));
        return views.integration(caller, integration);
    }

    @Override
    @Transactional
    public IntegrationView get(Caller caller, UUID id) {
        return views.integration(caller, visible(caller, id));
    }

    @Override
    @Transactional
    public Page<IntegrationView> list(Caller caller, String name, String category, String teamId, int limit, PageKey after) {
        Page<Integration> page = integrations.list(Access.visibility(caller), new IntegrationStore.IntegrationFilter(name, category, teamId),
                limit, after);
        return new Page<>(views.integrations(caller, page.items()), page.next());
    }

    @Override
    @Transactional
    public IntegrationView update(Caller caller, UUID id, UpdateIntegrationCommand c) {
        Integration current = writable(caller, id);
        Map<String, Object> config = null;
        if (c.config() != null) {
            Configs.validate(c.config(), "config", Configs.Kind.CONFIG);
            Configs.checkSize(sizes.bytes(c.config()), "config");
            config = ConfigSecrets.seal(c.config(), current.config(), secrets, "config");
        }
        Integration changed = current.changed(c.name() == null ? null : Integration.checkName(c.name(), "name"),
                c.category() == null ? null : Integration.checkCategory(c.category(), "category"), c.beta(), config, c.sharing(),
                clock.millis(), caller.userId());
        integrations.update(changed);
        audit.record(EnvironmentAudit.integration("updated", current, changed));
        return views.integration(caller, changed);
    }

    @Override
    @Transactional
    public void delete(Caller caller, UUID id) {
        Integration integration = writable(caller, id);
        if (!integrations.deleteIfNotInstalled(id)) {
            throw new DomainException.Conflict("integration " + id + " is still installed in environments; uninstall it first");
        }
        audit.record(EnvironmentAudit.integration("deleted", integration, null));
    }

    private Integration visible(Caller caller, UUID id) {
        return integrations.find(id).filter(i -> Access.seesIntegration(caller, i))
                .orElseThrow(() -> new DomainException.NotFound("integration " + id));
    }

    private Integration writable(Caller caller, UUID id) {
        Integration integration = visible(caller, id);
        Access.requireUnscoped(caller);
        if (!Access.managesTeam(caller, integration.teamId())) {
            throw new DomainException.NotPermitted("only OWNER, MEMBER and DEVELOPER members of " + integration.teamId() + " may change this integration");
        }
        return integration;
    }
}
