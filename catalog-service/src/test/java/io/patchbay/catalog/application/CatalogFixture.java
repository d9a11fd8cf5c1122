package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.out.BuiltInConnector;
import io.patchbay.catalog.application.port.out.DiscoverySettings;
import io.patchbay.catalog.domain.DiscoveredResource;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.infra.web.ProblemResponses;
import io.patchbay.kernel.secret.SecretBox;
import org.assertj.core.api.ThrowableAssert;

import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases wired to in-memory ports, as the application context wires them to the adapters. */
final class CatalogFixture {
    static final String TEAM = "team_unit";
    static final String BUILT_IN = "builtin";

    final InMemoryPorts ports = new InMemoryPorts();
    final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    final SecretBox secrets = SecretBox.ofBase64Key("k1", Base64.getEncoder().encodeToString(new byte[32]));
    final BuiltInConnector builtIn = new BuiltInConnector(BUILT_IN, "Built-in", "1.2.3");
    final InMemoryPorts.ScriptedDiscoverer db = new InMemoryPorts.ScriptedDiscoverer("testdb", r -> tables(r.resourceTypes(), "a", "b"));
    final InMemoryPorts.ScriptedDiscoverer queue = new InMemoryPorts.ScriptedDiscoverer("testq", r -> DiscoveryResult.failed("unused"));
    final CatalogService catalog = new CatalogService(ports, List.of(db, queue));
    /** The audit entries the use cases recorded, in order. */
    final List<AuditRecord> audited = new ArrayList<>();
    final AuditTrail audit = audited::addAll;
    final IntegrationService integrations = new IntegrationService(ports, ports, catalog, ports, builtIn, ports, secrets, audit, clock);
    final DiscoverySteps steps = new DiscoverySteps(ports, ports, ports, audit);
    DiscoverySettings settings = new DiscoverySettings(Duration.ofSeconds(2), Duration.ofSeconds(30), 3);
    final LifecycleService lifecycle = new LifecycleService(ports, ports, audit, clock);
    final InventoryService inventory = new InventoryService(ports, ports, catalog, audit, clock);
    final ConnectorService connectors = new ConnectorService(ports, ports, builtIn, audit, clock);

    DiscoveryService discovery() {
        return new DiscoveryService(steps, ports, catalog, builtIn, secrets, settings, clock);
    }

    /** A result with schema "public" and the given tables, for the connected types asked. */
    static DiscoveryResult tables(Set<String> types, String... tables) {
        List<DiscoveredResource> found = new java.util.ArrayList<>();
        if (types.contains("testdb-schema")) {
            found.add(new DiscoveredResource("schema:public", "public", "testdb-schema"));
        }
        if (types.contains("testdb-table")) {
            for (String t : tables) {
                found.add(new DiscoveredResource("table:" + t, "public." + t, "testdb-table"));
            }
        }
        List<Permission> perms = types.contains("testdb-table") ? List.of(new Permission("testdb-table.SELECT", "SELECT", "testdb-table"))
                : List.of();
        return new DiscoveryResult(found, perms, types, List.of(), null);
    }

    static Caller caller(String user, TeamRole role) {
        return new Caller(user, List.of(new TeamMembership(TEAM, role)), Set.of(), Optional.empty());
    }

    static final Caller OWNER = caller("olga", TeamRole.OWNER);
    static final Caller MEMBER = caller("max", TeamRole.MEMBER);
    static final Caller DEVELOPER = caller("dev", TeamRole.DEVELOPER);
    static final Caller VIEWER = caller("vic", TeamRole.VIEWER);
    static final Caller STRANGER = new Caller("sam", List.of(new TeamMembership("team_other", TeamRole.OWNER)), Set.of(), Optional.empty());

    static SecretStore apono(String user, String password) {
        return new SecretStore(SecretStore.Kind.APONO, Map.of("username", user, "password", password));
    }

    static IntegrationSpec db(String name) {
        return db(name, Map.of("hostname", "db.internal"), apono("reader", "pw-1"), null, null);
    }

    static IntegrationSpec db(String name, Map<String, String> config, SecretStore store, List<String> connected, String configurationId) {
        return new IntegrationSpec(name, "testdb", null, config, store, connected, null, null, null, configurationId != null,
                configurationId == null ? null : new ConfigurationId(configurationId));
    }

    static void assertProblem(ErrorKind kind, String field, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).satisfies(thrown -> {
            ProblemException p = thrown instanceof DomainException d ? ProblemResponses.problemOf(d) : (ProblemException) thrown;
            org.assertj.core.api.Assertions.assertThat(p.kind()).as(p.detail()).isEqualTo(kind);
            if (field != null) {
                org.assertj.core.api.Assertions.assertThat(p.errors()).extracting(e -> e.field()).as(p.detail()).contains(field);
            }
        });
    }
}
