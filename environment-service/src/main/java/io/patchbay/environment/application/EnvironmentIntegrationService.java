package io.patchbay.environment.application;

import io.patchbay.environment.application.port.in.UpdateInstallCommand;
import io.patchbay.environment.application.port.in.EnvironmentIntegrationsUseCase;
import io.patchbay.environment.application.port.in.InstallCommand;
import io.patchbay.environment.application.port.in.InstallView;
import io.patchbay.environment.application.port.out.ConfigSizer;
import io.patchbay.kernel.event.ConfigurationLinkPort;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore.InstallFilter;
import io.patchbay.environment.application.port.out.EnvironmentStore;
import io.patchbay.environment.application.port.out.IntegrationStore;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.domain.ConfigSecrets;
import io.patchbay.environment.domain.Configs;
import io.patchbay.environment.domain.Environment;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.environment.domain.Integration;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.secret.SecretBox;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

@Singleton
public class EnvironmentIntegrationService implements EnvironmentIntegrationsUseCase {
    private final EnvironmentIntegrationStore installs;
    private final EnvironmentStore environments;
    private final IntegrationStore integrations;
    private final ConfigurationLinkPort links;
    private final InstallWriter writer;
    private final Views views;
    private final SecretBox secrets;
    private final ConfigSizer sizes;
    private final AuditTrail audit;
    private final Clock clock;

    public EnvironmentIntegrationService(EnvironmentIntegrationStore installs, EnvironmentStore environments, IntegrationStore integrations,
                                         ConfigurationLinkPort links, InstallWriter writer,
                                         Views views, SecretBox secrets, ConfigSizer sizes, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.sizes = sizes;
        this.clock = clock;
        this.installs = installs;
        this.environments = environments;
        this.integrations = integrations;
        this.links = links;
        this.writer = writer;
        this.views = views;
        this.secrets = secrets;
    }

    /** Not one transaction: the configuration link is checked over HTTP before the short write transaction. */
    @Override
    public InstallView install(Caller caller, InstallCommand c) {
        if (c.integrationId() == null) {
            throw new DomainException.InvalidValue("integration_id", "is required");
        }
        UUID environmentId = c.environmentId() != null ? c.environmentId()
                : Access.scope(caller).orElseThrow(() -> new DomainException.InvalidValue("environment_id", "is required"));
        Environment environment = environments.find(environmentId).filter(e -> Access.seesEnvironment(caller, e))
                .orElseThrow(() -> Problems.unprocessable("environment_id", "environment " + environmentId + " does not exist or is not visible to you"));
        if (!Access.writesEnvironmentInstalls(caller, environment)) {
            throw new DomainException.NotPermitted("only OWNER, MEMBER and DEVELOPER members of " + environment.teamId() + " may install into this environment");
        }
        // not filtered by visibility: a deny integration of another team answers the 403 below (README, "Integrations with sharing: deny")
        Integration integration = integrations.find(c.integrationId())
                .orElseThrow(() -> Problems.unprocessable("integration_id", "integration " + c.integrationId() + " does not exist"));
        boolean approved = integration.teamId().equals(environment.teamId()) || switch (integration.sharing()) {
            case DENY -> throw new DomainException.NotPermitted("integration " + integration.name() + " is not shared with other teams (sharing: deny)");
            case ASK -> false;
            case ALLOW -> true;
        };
        Map<String, Object> override = sealedOverride(c.override() == null ? Map.of() : c.override(), Map.of(), integration);
        ConfigurationId configurationId = c.configurationId();
        Function<Optional<String>, EnvironmentIntegration> insert = disabledReason -> writer.insert(EnvironmentIntegration.install(Ids.uuid(),
                integration.id(), environment.id(), c.showInCatalog() == null || c.showInCatalog(), c.enabled() == null || c.enabled(),
                override, configurationId == null ? null : configurationId.value(), approved, disabledReason.orElse(null), clock.millis(), caller.userId()), environment.teamId());
        // a linked install is written under the configuration's lock, in the state the link check and the events give
        EnvironmentIntegration install = configurationId == null ? insert.apply(Optional.empty())
                : links.link(configurationId, "configuration_id", insert);
        return views.install(caller, install);
    }

    @Override
    @Transactional
    public InstallView get(Caller caller, UUID id) {
        return views.install(caller, visible(caller, id).install());
    }

    @Override
    @Transactional
    public Page<InstallView> list(Caller caller, InstallFilter filter, int limit, PageKey after) {
        Page<EnvironmentIntegration> page = installs.list(Access.visibility(caller), filter, limit, after);
        return new Page<>(views.installs(caller, page.items()), page.next());
    }

    @Override
    @Transactional
    public InstallView patch(Caller caller, UUID id, UpdateInstallCommand c) {
        Loaded loaded = writable(caller, id, c.ifMatch());
        Map<String, Object> override = c.override() == null ? null
                : sealedOverride(c.override(), loaded.install().override(), loaded.integration());
        EnvironmentIntegration changed = loaded.install().patch(c.showInCatalog(), c.enabled(), override, clock.millis(), caller.userId());
        installs.update(changed);
        audit.record(EnvironmentAudit.install("updated", loaded.environment().teamId(), loaded.install(), changed));
        return views.install(caller, changed);
    }

    @Override
    @Transactional
    public InstallView mergeOverride(Caller caller, UUID id, Map<String, Object> patch, String ifMatch) {
        Loaded loaded = writable(caller, id, ifMatch);
        Map<String, Object> stored = loaded.install().override();
        Object merged = Configs.mergePatch(ConfigSecrets.mask(stored), patch);
        @SuppressWarnings("unchecked")
        Map<String, Object> override = sealedOverride((Map<String, Object>) merged, stored, loaded.integration());
        EnvironmentIntegration changed = loaded.install().patch(null, null, override, clock.millis(), caller.userId());
        installs.update(changed);
        audit.record(EnvironmentAudit.install("updated", loaded.environment().teamId(), loaded.install(), changed));
        return views.install(caller, changed);
    }

    @Override
    @Transactional
    public void uninstall(Caller caller, UUID id) {
        Loaded loaded = writable(caller, id, null);
        installs.delete(id);
        audit.record(EnvironmentAudit.install("deleted", loaded.environment().teamId(), loaded.install(), null));
    }

    @Override
    @Transactional
    public Map<String, Object> effectiveConfig(Caller caller, UUID id) {
        Loaded loaded = visible(caller, id);
        return ConfigSecrets.mask(Configs.merge(loaded.integration().config(), loaded.install().override()));
    }

    @Override
    @Transactional
    public InstallView approve(Caller caller, UUID id) {
        Loaded loaded = decidable(caller, id);
        EnvironmentIntegration approved = loaded.install().approve(clock.millis(), caller.userId());
        installs.update(approved);
        audit.record(EnvironmentAudit.install("approved", loaded.environment().teamId(), loaded.install(), approved));
        return views.install(caller, approved);
    }

    @Override
    @Transactional
    public void reject(Caller caller, UUID id) {
        Loaded loaded = decidable(caller, id);
        loaded.install().requirePendingApproval();
        installs.delete(id);
        audit.record(EnvironmentAudit.install("rejected", loaded.environment().teamId(), loaded.install(), null));
    }

    /**
     * Validated (the override itself and the effective config after the merge, each at most 256 KiB as clients see it),
     * null slots removed, secrets sealed.
     */
    private Map<String, Object> sealedOverride(Map<String, Object> incoming, Map<String, Object> stored, Integration integration) {
        Configs.validate(incoming, "override", Configs.Kind.OVERRIDE);
        Configs.checkSize(sizes.bytes(incoming), "override");
        Map<String, Object> override = Configs.withoutNullSlots(incoming);
        Map<String, Object> sealed = ConfigSecrets.seal(override, stored, secrets, "override");
        Map<String, Object> effective = Configs.merge(integration.config(), sealed);
        Configs.validate(effective, "override", Configs.Kind.CONFIG);
        Configs.checkSize(sizes.bytes(ConfigSecrets.mask(effective)), "override");
        return sealed;
    }

    private record Loaded(EnvironmentIntegration install, Environment environment, Integration integration) {
    }

    private Loaded visible(Caller caller, UUID id) {
        EnvironmentIntegration install = installs.find(id).orElseThrow(() -> new DomainException.NotFound("environment integration " + id));
        Environment environment = environments.find(install.environmentId()).orElseThrow();
        Integration integration = integrations.find(install.integrationId()).orElseThrow();
        if (!Access.seesInstall(caller, install, environment, integration)) {
            throw new DomainException.NotFound("environment integration " + id);
        }
        return new Loaded(install, environment, integration);
    }

    private Loaded writable(Caller caller, UUID id, String ifMatch) {
        Loaded loaded = visible(caller, id);
        if (!Access.writesEnvironmentInstalls(caller, loaded.environment())) {
            throw new DomainException.NotPermitted("only OWNER, MEMBER and DEVELOPER members of " + loaded.environment().teamId()
                    + " may change installs of this environment");
        }
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*") && !matches(ifMatch, loaded.install().etag())) {
            throw Problems.preconditionFailed("If-Match " + ifMatch.strip() + " does not match the current ETag " + loaded.install().etag()
                    + "; read the environment integration again");
        }
        return loaded;
    }

    private static boolean matches(String ifMatch, String etag) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private Loaded decidable(Caller caller, UUID id) {
        Loaded loaded = visible(caller, id);
        Access.requireUnscoped(caller);
        if (!Access.managesTeam(caller, loaded.integration().teamId())) {
            throw new DomainException.NotPermitted("only OWNER, MEMBER and DEVELOPER members of " + loaded.integration().teamId()
                    + " (the integration's team) may approve or reject installs");
        }
        return loaded;
    }
}
