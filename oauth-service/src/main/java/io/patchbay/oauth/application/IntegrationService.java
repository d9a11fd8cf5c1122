package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.in.CreateIntegrationCommand;
import io.patchbay.oauth.application.port.in.IntegrationView;
import io.patchbay.oauth.application.port.in.IntegrationsUseCase;
import io.patchbay.oauth.application.port.in.UpdateIntegrationCommand;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase;
import io.patchbay.oauth.application.port.out.AssociationStore;
import io.patchbay.kernel.event.ConfigurationLinkPort;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.domain.Association;
import io.patchbay.oauth.domain.ConfigValidator;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.PositRole;
import io.patchbay.oauth.domain.Template;
import io.patchbay.oauth.domain.ValidatedConfig;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

@Singleton
public class IntegrationService implements IntegrationsUseCase, UseIntegrationUseCase {
    private static final int MAX_TEXT = 1024;

    private final IntegrationStore store;
    private final AssociationStore associations;
    private final TemplateCatalog templates;
    private final ConfigurationLinkPort links;
    private final SecretBox box;
    private final AuditTrail audit;
    private final AuditedWrites writes;
    private final Clock clock;

    public IntegrationService(IntegrationStore store, AssociationStore associations, TemplateCatalog templates, ConfigurationLinkPort links,
                              SecretBox box, AuditTrail audit, AuditedWrites writes, Clock clock) {
        this.audit = audit;
        this.writes = writes;
        this.store = store;
        this.associations = associations;
        this.templates = templates;
        this.links = links;
        this.box = box;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<IntegrationView> list(Caller caller, NamedTeam named) {
        Optional<String> team = Access.actingTeamOrAll(caller, named);
        PositRole role = team.map(t -> Access.requireReader(Access.roleIn(caller, t))).orElse(PositRole.ADMINISTRATOR);
        List<OAuthIntegration> found = team.map(store::listByTeam).orElseGet(store::listAll);
        Map<Long, Integer> counts = role.isAdministrator() ? store.contentCounts(found.stream().map(OAuthIntegration::id).toList()) : Map.of();
        return found.stream().map(i -> new IntegrationView(i, role.isAdministrator() ? counts.getOrDefault(i.id(), 0) : null)).toList();
    }

    @Override
    @Transactional
    public IntegrationView get(Caller caller, NamedTeam team, UUID guid) {
        OAuthIntegration integration = find(guid);
        PositRole role = Access.requireReader(Access.roleOn(caller, team, integration));
        return view(integration, role);
    }

    /**
     * Not transactional as a whole: the config-service link check runs before any database work; the insert is atomic and,
     * for a linked integration, made under the configuration's lock (ConfigurationLinkPort).
     */
    @Override
    public IntegrationView create(CreateIntegrationCommand c) {
        String team = Access.actingTeam(c.caller(), c.team());
        Access.requireAdministrator(Access.roleIn(c.caller(), team));
        Template template = templates.find(c.template())
                .orElseThrow(() -> new DomainException.InvalidValue("template", "is not a known template (known: "
                        + String.join(", ", templates.all().stream().map(Template::id).toList()) + ")"));
        text("name", c.name());
        text("description", c.description());
        ConfigurationId configurationId = c.configurationId() == null ? null : ConfigurationId.parse(c.configurationId(), "configuration_id");
        ValidatedConfig config = ConfigValidator.validate(template, Map.of(), Set.of(), c.config());
        Function<Optional<String>, OAuthIntegration> insert = disabledReason -> {
            Instant now = now();
            String by = c.caller().userId();
            OAuthIntegration integration = new OAuthIntegration(null, UUID.randomUUID(), team, c.name(), c.description(), template.id(),
                    config.authType(), config.config(), config.newSecrets().keySet(), c.configurationId(),
                    disabledReason.isPresent() ? IntegrationState.DISABLED : IntegrationState.ACTIVE, disabledReason.orElse(null), 1, now, now,
                    by, by);
            return writes.insertIntegration(integration, seal(config.newSecrets()));
        };
        // a linked integration is written under the configuration's lock, in the state the link check and the events give
        OAuthIntegration stored = configurationId == null ? insert.apply(Optional.empty())
                : links.link(configurationId, "configuration_id", insert);
        return new IntegrationView(stored, 0);
    }

    @Override
    @Transactional
    public IntegrationView update(UpdateIntegrationCommand c) {
        OAuthIntegration current = find(c.guid());
        Access.requireAdministrator(Access.requireReader(Access.roleOn(c.caller(), c.team(), current)));
        if (c.nameGiven()) {
            text("name", c.name());
        }
        if (c.descriptionGiven()) {
            text("description", c.description());
        }
        Template template = templates.find(current.template())
                .orElseThrow(() -> new DomainException.Conflict("the template " + current.template() + " of this integration is no longer shipped"));
        ValidatedConfig config = ConfigValidator.validate(template, current.config(), current.secretNames(), c.config());
        Set<String> secretNames = new HashSet<>(current.secretNames());
        secretNames.removeAll(config.removedSecrets());
        secretNames.addAll(config.newSecrets().keySet());
        OAuthIntegration changed = current.changed(c.nameGiven() ? c.name() : current.name(),
                c.descriptionGiven() ? c.description() : current.description(), config, secretNames, now(), c.caller().userId());
        store.update(changed, seal(config.newSecrets()), config.removedSecrets(), c.caller().userId());
        Set<String> replaced = config.newSecrets().keySet();
        audit.record(OAuthAudit.integration(OAuthAudit.onlySecretsRotated(current, changed, replaced) ? "secret_rotated" : "updated", current,
                changed, replaced));
        return view(changed, PositRole.ADMINISTRATOR);
    }

    @Override
    @Transactional
    public void delete(Caller caller, NamedTeam team, UUID guid) {
        OAuthIntegration current = find(guid);
        Access.requireAdministrator(Access.requireReader(Access.roleOn(caller, team, current)));
        store.delete(current.id());
        audit.record(OAuthAudit.integration("deleted", current, null, Set.of()));
    }

    @Override
    @Transactional
    public List<Association> associations(Caller caller, NamedTeam team, UUID guid) {
        OAuthIntegration current = find(guid);
        Access.requireAdministrator(Access.requireReader(Access.roleOn(caller, team, current)));
        return associations.forIntegration(current.id());
    }

    @Override
    @Transactional
    public Usable requireUsable(Caller caller, NamedTeam team, UUID guid, Need need) {
        OAuthIntegration integration = find(guid);
        PositRole role = Access.roleOn(caller, team, integration);
        switch (need) {
            case ADMINISTRATOR -> Access.requireAdministrator(Access.requireReader(role));
            case PUBLISHER -> Access.requireReader(role);
            case MEMBER -> {
            }
        }
        return usable(integration);
    }

    @Override
    @Transactional
    public Usable requireUsable(long integrationId) {
        return usable(store.findById(integrationId).orElseThrow(() -> Access.notFound("#" + integrationId)));
    }

    @Override
    @Transactional
    public Collection<String> secretValues(long integrationId) {
        List<String> values = new ArrayList<>();
        store.sealedSecrets(integrationId).values().forEach(sealed -> values.add(box.open(sealed)));
        return values;
    }

    private Usable usable(OAuthIntegration integration) {
        integration.requireUsable();
        Map<String, String> secrets = new LinkedHashMap<>();
        store.sealedSecrets(integration.id()).forEach((name, sealed) -> secrets.put(name, box.open(sealed)));
        return new Usable(integration, Map.copyOf(secrets));
    }

    private IntegrationView view(OAuthIntegration integration, PositRole role) {
        return new IntegrationView(integration, role.isAdministrator() ? store.contentCounts(List.of(integration.id())).getOrDefault(integration.id(), 0)
                : null);
    }

    private OAuthIntegration find(UUID guid) {
        return store.findByGuid(guid).orElseThrow(() -> Access.notFound(guid));
    }

    private Map<String, String> seal(Map<String, String> plain) {
        Map<String, String> sealed = new LinkedHashMap<>();
        plain.forEach((name, value) -> sealed.put(name, box.seal(value)));
        return sealed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new DomainException.InvalidValue(field, "must be at most " + MAX_TEXT + " characters");
        }
        if (value != null && value.indexOf('\0') >= 0) {
            throw new DomainException.InvalidValue(field, ConfigValidator.NO_NUL);
        }
    }
}
