package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.in.IntegrationFilter;
import io.patchbay.catalog.application.port.in.IntegrationPage;
import io.patchbay.catalog.application.port.in.IntegrationsUseCase;
import io.patchbay.catalog.application.port.in.OffsetPage;
import io.patchbay.catalog.application.port.in.PageAfter;
import io.patchbay.catalog.application.port.out.BuiltInConnector;
import io.patchbay.kernel.event.ConfigurationLinkPort;
import io.patchbay.catalog.application.port.out.ConnectorStore;
import io.patchbay.catalog.application.port.out.DiscoveryJobs;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationRules;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.Owner;
import io.patchbay.catalog.domain.OwnerMapping;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.catalog.domain.Tenant;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.secret.SecretBox;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Creating, changing, listing, deleting and refreshing integrations; discovery itself runs in the workers. */
@Singleton
public class IntegrationService implements IntegrationsUseCase {
    private static final String CONFIGURATION_ID = "configuration_id";
    private final IntegrationStore store;
    private final DiscoveryJobs jobs;
    private final CatalogService catalog;
    private final ConnectorStore connectors;
    private final BuiltInConnector builtIn;
    private final ConfigurationLinkPort links;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;

    public IntegrationService(IntegrationStore store, DiscoveryJobs jobs, CatalogService catalog, ConnectorStore connectors,
                              BuiltInConnector builtIn, ConfigurationLinkPort links, SecretBox secrets, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.store = store;
        this.jobs = jobs;
        this.catalog = catalog;
        this.connectors = connectors;
        this.builtIn = builtIn;
        this.links = links;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Integration create(Caller caller, NamedTeam team, IntegrationSpec spec) {
        Tenant tenant = Tenants.manager(caller, team);
        CatalogType type = catalog.find(spec.type()).orElseThrow(() -> new DomainException.InvalidValue("type", "'" + spec.type()
                + "' is not in the catalog (known: " + String.join(", ", catalog.list().stream().map(CatalogType::type).toList()) + ")"));
        Map<String, String> config = IntegrationRules.check(spec, type);
        String connectorId = connector(tenant, spec.connectorId());
        SecretStore sealed = seal(spec.secretStore(), null);
        Function<Optional<String>, Integration> insert = disabledReason -> {
            boolean disabled = disabledReason.isPresent();
            Instant now = clock.instant();
            IntegrationSpec resolved = withOwners(tenant, spec);
            Integration integration = Integration.create(Ids.prefixed(Integration.ID_PREFIX, 24), tenant.teamId(), resolved, type, config,
                    sealed, connectorId, disabled, now, tenant.userId());
            store.insert(integration);
            audit.record(CatalogAudit.integration("created", Map.of(), integration));
            if (!disabled) {
                jobs.enqueue(integration.id(), integration.revision(), now);
            }
            return integration;
        };
        // a linked integration is written under the configuration's lock, in the state the link check and the events give
        return spec.configurationIdGiven() && spec.configurationId() != null
                ? links.link(spec.configurationId(), CONFIGURATION_ID, insert)
                : insert.apply(Optional.empty());
    }

    @Override
    public Integration get(Caller caller, NamedTeam team, String id) {
        return visible(Tenants.resolve(caller, team), store.find(id), id);
    }

    @Override
    @Transactional
    public Integration replace(Caller caller, NamedTeam team, String id, IntegrationSpec spec) {
        Tenant tenant = Tenants.manager(caller, team);
        Integration integration = visible(tenant, store.findForUpdate(id), id);
        if (spec.type() != null && !spec.type().equals(integration.type())) {
            throw new DomainException.InvalidValue("type", "cannot be changed (is " + integration.type() + "); create another integration instead");
        }
        CatalogType type = catalog.find(integration.type()).orElseThrow(() -> new DomainException.Conflict("integration type "
                + integration.type() + " is no longer in the catalog"));
        Map<String, String> config = IntegrationRules.check(spec, type);
        String connectorId = connector(tenant, spec.connectorId());
        SecretStore sealed = seal(spec.secretStore(), integration.secretStore());
        Map<String, Object> before = CatalogAudit.fields(integration);
        // a changed link decides the lifecycle state: linked to a disabled configuration → Disabled; unlinked, or linked to
        // an active one → the status before (an integration disabled through its old link is not stuck)
        boolean linkChanged = spec.configurationIdGiven() && !Objects.equals(spec.configurationIdValue(), integration.configurationId());
        Function<Optional<String>, Integration> update = disabledReason -> {
            Instant now = clock.instant();
            boolean rediscover = integration.replace(withOwners(tenant, spec), config, sealed, connectorId, now, tenant.userId());
            if (disabledReason.isPresent()) {
                integration.disable(now);
            } else if (linkChanged && integration.restore(now)) {
                rediscover = true;
            }
            store.update(integration);
            audit.record(CatalogAudit.integration("updated", before, integration));
            if (rediscover && integration.status() != IntegrationStatus.DISABLED) {
                jobs.enqueue(integration.id(), integration.revision(), now);
            }
            return integration;
        };
        return linkChanged && spec.configurationId() != null
                ? links.link(spec.configurationId(), CONFIGURATION_ID, update)
                : update.apply(Optional.empty());
    }

    @Override
    @Transactional
    public void delete(Caller caller, NamedTeam team, String id) {
        Tenant tenant = Tenants.manager(caller, team);
        Integration integration = visible(tenant, store.findForUpdate(id), id);
        store.delete(id);
        audit.record(CatalogAudit.integrationDeleted(integration));
    }

    @Override
    @Transactional
    public void refresh(Caller caller, NamedTeam team, String id) {
        Tenant tenant = Tenants.manager(caller, team);
        Integration integration = visible(tenant, store.findForUpdate(id), id);
        Instant now = clock.instant();
        Map<String, Object> before = CatalogAudit.fields(integration);
        integration.refresh(now, tenant.userId());
        store.update(integration);
        audit.record(CatalogAudit.integration("refreshed", before, integration));
        jobs.enqueue(integration.id(), integration.revision(), now);
    }

    @Override
    public IntegrationPage list(Caller caller, NamedTeam team, IntegrationFilter filter, int limit, PageAfter after) {
        Tenant tenant = Tenants.resolve(caller, team);
        List<Integration> rows = store.list(tenant.teamId(), filter, limit, after);
        if (rows.size() <= limit) {
            return new IntegrationPage(rows, null);
        }
        List<Integration> page = rows.subList(0, limit);
        Integration last = page.getLast();
        return new IntegrationPage(List.copyOf(page), new PageAfter(last.name().toLowerCase(Locale.ROOT), last.id()));
    }

    @Override
    public OffsetPage<Integration> listByOffset(Caller caller, NamedTeam team, int limit, int offset) {
        Tenant tenant = Tenants.resolve(caller, team);
        return new OffsetPage<>(store.listByOffset(tenant.teamId(), limit, offset), store.count(tenant.teamId()), limit, offset);
    }

    private static Integration visible(Tenant tenant, Optional<Integration> found, String id) {
        return found.filter(i -> i.teamId().equals(tenant.teamId())).orElseThrow(() -> new DomainException.NotFound("integration " + id));
    }

    private String connector(Tenant tenant, String requested) {
        if (requested == null || requested.equals(builtIn.id())) {
            return builtIn.id();
        }
        if (connectors.find(tenant.teamId(), requested).isEmpty()) {
            throw new DomainException.InvalidValue("connector", "'" + requested + "' is not a known connector (the built-in one is '" + builtIn.id() + "')");
        }
        return requested;
    }

    /** Apono parameters sealed with the SecretBox; a masked value keeps the value stored before. */
    private SecretStore seal(SecretStore given, SecretStore before) {
        if (given == null || !given.isApono()) {
            return given;
        }
        Map<String, String> sealed = new LinkedHashMap<>();
        for (var entry : given.fields().entrySet()) {
            if (SecretStore.MASK.equals(entry.getValue())) {
                String kept = before != null && before.isApono() ? before.fields().get(entry.getKey()) : null;
                if (kept == null) {
                    throw new DomainException.InvalidValue("secret_store.apono.parameters." + entry.getKey(),
                            "is the mask of a value this integration does not have; send the value");
                }
                sealed.put(entry.getKey(), kept);
            } else {
                sealed.put(entry.getKey(), secrets.seal(entry.getValue()));
            }
        }
        return new SecretStore(SecretStore.Kind.APONO, sealed);
    }

    /** A source integration named by id or name of one of the tenant's integrations is recorded with both. */
    private IntegrationSpec withOwners(Tenant tenant, IntegrationSpec spec) {
        Owner owner = spec.owner();
        if (owner != null && owner.sourceIntegrationName() != null) {
            var source = store.findByIdOrName(tenant.teamId(), owner.sourceIntegrationName());
            if (source.isPresent()) {
                owner = new Owner(owner.attributeType(), owner.attributeValue(), source.get().id(), source.get().name());
            }
        }
        OwnerMapping mapping = spec.ownersMapping();
        if (mapping != null && mapping.sourceIntegrationName() != null) {
            var source = store.findByIdOrName(tenant.teamId(), mapping.sourceIntegrationName());
            if (source.isPresent()) {
                mapping = new OwnerMapping(mapping.keyName(), mapping.attributeType(), source.get().id(), source.get().name());
            }
        }
        return new IntegrationSpec(spec.name(), spec.type(), spec.connectorId(), spec.config(), spec.secretStore(),
                spec.connectedResourceTypes(), spec.customAccessDetails(), owner, mapping, spec.configurationIdGiven(), spec.configurationId());
    }
}
