package io.patchbay.oauth.application;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.FieldError;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.web.ProblemResponses;
import io.patchbay.kernel.infra.web.ProblemStatus;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.in.CreateIntegrationCommand;
import io.patchbay.oauth.application.port.in.IntegrationView;
import io.patchbay.oauth.application.port.in.ReencryptSecretsUseCase;
import io.patchbay.oauth.application.port.in.UpdateIntegrationCommand;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Need;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.Template;
import io.patchbay.oauth.domain.TemplateField;
import io.patchbay.oauth.domain.TemplateOption;
import io.patchbay.oauth.domain.TemplateRule;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases against in-memory out-ports: roles, validation, write-only secrets, associations, the lifecycle, re-encryption. */
class IntegrationUseCasesTest {
    static final String TEAM = "team_unit";
    static final String URI = "^https://\\S+$";
    static final Template CUSTOM = new Template("custom", "Custom", null, List.of(AuthType.VIEWER, AuthType.SERVICE_ACCOUNT),
            List.of(new TemplateOption("auth_type", null, TemplateOption.Type.SELECT, List.of("Viewer", "Service Account"), "Viewer"),
                    new TemplateOption("auth_mode", null, TemplateOption.Type.SELECT, List.of("Confidential", "Public"), "Confidential")),
            List.of(new TemplateField("authorization_uri", null, null, true, false, URI, "must be an https URL", false, "auth_type == 'Viewer'"),
                    new TemplateField("token_uri", null, null, true, false, URI, "must be an https URL", false, null),
                    new TemplateField("client_id", null, null, true, false, "^\\S+$", null, false, null),
                    new TemplateField("client_secret", null, null, true, true, "^\\S+$", "no spaces", false, "auth_mode == 'Confidential'"),
                    new TemplateField("scopes", null, null, false, false, null, null, false, null)),
            Map.of(Template.AUTHORIZATION_ENDPOINT, "{authorization_uri}", Template.TOKEN_ENDPOINT, "{token_uri}"),
            List.of(new TemplateRule(TemplateRule.Kind.ASSERT, "auth_mode", null, "auth_type == 'Service Account'", "auth_mode == 'Confidential'",
                    "must be Confidential for a Service Account")));

    final InMemoryStores stores = new InMemoryStores();
    final byte[] k1Key = randomKey();
    final SecretBox k1 = new SecretBox(Map.of("k1", k1Key), "k1");
    final Clock clock = Clock.fixed(Instant.parse("2024-07-17T21:09:36.789Z"), ZoneOffset.UTC);
    final TemplateCatalog catalog = new TemplateCatalog() {
        @Override
        public List<Template> all() {
            return List.of(CUSTOM);
        }

        @Override
        public Optional<Template> find(String key) {
            return key.equals("custom") ? Optional.of(CUSTOM) : Optional.empty();
        }
    };

    IntegrationService service(SecretBox box) {
        return new IntegrationService(stores, stores, catalog, stores, box, stores, new AuditedWrites(stores, null, stores, stores), clock);
    }

    final IntegrationService integrations = service(k1);
    final ContentAssociationService associations = new ContentAssociationService(stores, stores, stores, clock);
    final LifecycleService lifecycle = new LifecycleService(stores, stores, clock);

    static final Caller OWNER = caller("owner", TeamRole.OWNER);
    static final Caller PUBLISHER = caller("dev", TeamRole.DEVELOPER);
    static final Caller VIEWER = caller("viewer", TeamRole.VIEWER);
    static final Caller STRANGER = new Caller("stranger", List.of(new TeamMembership("team_else", TeamRole.OWNER)), Set.of(), Optional.empty());

    static Caller caller(String user, TeamRole role) {
        return new Caller(user, List.of(new TeamMembership(TEAM, role)), Set.of(), Optional.empty());
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static SecretBox box(String id) {
        return new SecretBox(Map.of(id, randomKey()), id);
    }

    static Map<String, Object> config(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    static Map<String, Object> viewerConfig(String secret) {
        return config("authorization_uri", "https://idp/authorize", "token_uri", "https://idp/token", "client_id", "pb", "client_secret", secret);
    }

    IntegrationView create(Caller caller, Map<String, Object> config, String configurationId) {
        return integrations.create(new CreateIntegrationCommand(caller, null, "n", null, "custom", config, configurationId));
    }

    static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ProblemException e) {
            return ProblemStatus.of(e.kind());
        } catch (DomainException e) {
            return ProblemStatus.of(ProblemResponses.problemOf(e).kind());
        }
    }

    static List<String> fields(Runnable r) {
        try {
            r.run();
            throw new AssertionError("no problem");
        } catch (ProblemException e) {
            return e.errors().stream().map(FieldError::field).toList();
        } catch (DomainException.InvalidValue e) {
            return e.violations().stream().map(DomainException.Violation::attribute).toList();
        }
    }

    @Test
    void createSealsSecretsKeepsThemOutOfTheConfigAndDerivesTheAuthType() {
        IntegrationView v = create(OWNER, viewerConfig("s3cret"), null);
        assertThat(v.integration().config()).containsEntry("auth_type", "Viewer").containsEntry("auth_mode", "Confidential")
                .doesNotContainKey("client_secret").doesNotContainValue("s3cret");
        assertThat(v.integration().authType()).isEqualTo(AuthType.VIEWER);
        assertThat(v.integration().createdTime()).isEqualTo(Instant.parse("2024-07-17T21:09:36Z"));
        assertThat(v.contentCount()).isZero();
        String sealed = stores.secrets.get(v.integration().id()).get("client_secret");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("s3cret");
        assertThat(k1.open(sealed)).isEqualTo("s3cret");

        Map<String, Object> service = config("auth_type", "Service Account", "token_uri", "https://idp/token", "client_id", "pb", "client_secret", "x");
        assertThat(create(OWNER, service, null).integration().authType()).isEqualTo(AuthType.SERVICE_ACCOUNT);
    }

    @Test
    void validationNamesEveryBadFieldOnceWithoutEchoingValues() {
        Map<String, Object> bad = config("authorization_uri", "ftp://x", "client_secret", "has spaces here", "nope", "1", "auth_mode", "Sometimes");
        List<String> fields = fields(() -> create(OWNER, bad, null));
        assertThat(fields).containsExactlyInAnyOrder("config.nope", "config.auth_mode", "config.authorization_uri", "config.token_uri",
                "config.client_id", "config.client_secret");
        assertThatThrownBy(() -> create(OWNER, bad, null)).isInstanceOfSatisfying(DomainException.InvalidValue.class,
                e -> assertThat(e.getMessage() + e.violations()).doesNotContain("has spaces here"));
        Map<String, Object> hidden = viewerConfig("x");
        hidden.put("auth_type", "Service Account");
        assertThat(fields(() -> create(OWNER, hidden, null))).containsExactly("config.authorization_uri");
        Map<String, Object> publicServiceAccount = config("auth_type", "Service Account", "auth_mode", "Public", "token_uri", "https://idp/token",
                "client_id", "pb");
        assertThat(fields(() -> create(OWNER, publicServiceAccount, null))).containsExactly("config.auth_mode");
        assertThat(stores.integrations).isEmpty();
    }

    @Test
    void partialPatchKeepsRemovesAndRotatesAndIsValidatedAsAWhole() {
        IntegrationView v = create(OWNER, viewerConfig("first"), null);
        UUID guid = v.integration().guid();
        IntegrationView scoped = integrations.update(new UpdateIntegrationCommand(OWNER, null, guid, false, null, true, "d",
                config("scopes", "openid")));
        assertThat(scoped.integration().config()).containsEntry("scopes", "openid").containsEntry("client_id", "pb");
        assertThat(scoped.integration().name()).isEqualTo("n");
        assertThat(scoped.integration().version()).isEqualTo(2);
        Map<String, Object> removeScopes = new HashMap<>();
        removeScopes.put("scopes", null);
        assertThat(integrations.update(new UpdateIntegrationCommand(OWNER, null, guid, true, null, false, null, removeScopes)).integration().config())
                .doesNotContainKey("scopes");
        Map<String, Object> removeRequired = new HashMap<>();
        removeRequired.put("client_id", null);
        assertThat(fields(() -> integrations.update(new UpdateIntegrationCommand(OWNER, null, guid, false, null, false, null, removeRequired))))
                .containsExactly("config.client_id");

        String before = stores.secrets.get(v.integration().id()).get("client_secret");
        integrations.update(new UpdateIntegrationCommand(OWNER, null, guid, false, null, false, null, config("client_secret", "second")));
        String after = stores.secrets.get(v.integration().id()).get("client_secret");
        assertThat(after).isNotEqualTo(before);
        assertThat(integrations.requireUsable(OWNER, null, guid, Need.PUBLISHER).secrets()).containsEntry("client_secret", "second");

        integrations.update(new UpdateIntegrationCommand(OWNER, null, guid, false, null, false, null, config("auth_mode", "Public")));
        assertThat(stores.secrets.get(v.integration().id())).as("a secret the options now hide is removed").isEmpty();
    }

    @Test
    void rolesAndTenants() {
        UUID guid = create(OWNER, viewerConfig("x"), null).integration().guid();
        assertThat(status(() -> create(PUBLISHER, viewerConfig("x"), null))).isEqualTo(403);
        assertThat(status(() -> create(VIEWER, viewerConfig("x"), null))).isEqualTo(403);
        assertThat(integrations.get(PUBLISHER, null, guid).contentCount()).as("content_count is for administrators").isNull();
        assertThat(status(() -> integrations.get(VIEWER, null, guid))).isEqualTo(403);
        assertThat(status(() -> integrations.get(STRANGER, null, guid))).isEqualTo(404);
        assertThat(status(() -> integrations.get(STRANGER, NamedTeam.header(TEAM), guid))).isEqualTo(403);
        assertThat(status(() -> integrations.delete(PUBLISHER, null, guid))).isEqualTo(403);
        assertThat(status(() -> integrations.associations(PUBLISHER, null, guid))).isEqualTo(403);
        assertThat(integrations.list(STRANGER, null)).isEmpty();
        assertThat(integrations.list(PUBLISHER, null)).hasSize(1);
        Caller admin = new Caller("root", List.of(), Set.of("admin"), Optional.empty());
        assertThat(integrations.list(admin, null)).hasSize(1);
        integrations.delete(OWNER, null, guid);
        assertThat(status(() -> integrations.get(OWNER, null, guid))).isEqualTo(404);
    }

    @Test
    void associationsAreReplacedAsASetAndAnUnknownGuidChangesNothing() {
        UUID a = create(OWNER, viewerConfig("x"), null).integration().guid();
        UUID b = create(OWNER, viewerConfig("y"), null).integration().guid();
        UUID content = UUID.randomUUID();
        associations.replace(PUBLISHER, null, content, List.of(a, b, a));
        assertThat(associations.list(PUBLISHER, null, content)).extracting(x -> x.integrationGuid()).containsExactly(a, b);
        assertThat(integrations.get(OWNER, null, a).contentCount()).isEqualTo(1);
        UUID unknown = UUID.randomUUID();
        assertThat(fields(() -> associations.replace(PUBLISHER, null, content, List.of(b, unknown)))).containsExactly("[1].oauth_integration_guid");
        assertThat(associations.list(PUBLISHER, null, content)).hasSize(2);
        associations.replace(PUBLISHER, null, content, List.of(b));
        assertThat(integrations.associations(OWNER, null, a)).isEmpty();
        assertThat(integrations.associations(OWNER, null, b)).singleElement().satisfies(x -> assertThat(x.contentGuid()).isEqualTo(content));
        associations.replace(PUBLISHER, null, content, List.of());
        assertThat(associations.list(PUBLISHER, null, content)).isEmpty();
        assertThat(status(() -> associations.replace(VIEWER, null, content, List.of(a)))).isEqualTo(403);
    }

    @Test
    void linkedIntegrationsFollowTheLifecycleAndRefuseUseWhileDisabled() {
        String cfg = "icfg_abcdefghijklmnopqrstuvwx";
        assertThat(status(() -> create(OWNER, viewerConfig("x"), cfg))).as("not visible in config-service").isEqualTo(422);
        stores.configurations.put(cfg, new InMemoryStores.LinkedConfiguration(cfg, false, null));
        UUID guid = create(OWNER, viewerConfig("x"), cfg).integration().guid();
        assertThat(status(() -> create(OWNER, viewerConfig("x"), "icfg_short"))).isEqualTo(400);

        applyEvent(new ConfigurationDisabled(cfg, "oac_x", "slack", TEAM, TEAM, "owner", 2, 0, 0, "disabled-by-admin"));
        assertThat(integrations.get(OWNER, null, guid).integration().state()).isEqualTo(IntegrationState.DISABLED);
        assertThat(status(() -> integrations.requireUsable(OWNER, null, guid, Need.PUBLISHER))).isEqualTo(409);
        assertThat(status(() -> integrations.get(OWNER, null, guid))).as("still readable").isEqualTo(200);
        applyEvent(new ConfigurationEnabled(cfg, "oac_x", "slack", TEAM, TEAM, "owner", 3, 0, 0, "disabled-by-admin"));
        assertThat(integrations.requireUsable(OWNER, null, guid, Need.PUBLISHER).secrets()).containsEntry("client_secret", "x");

        stores.projections.put(cfg, new InMemoryStores.Projection(InMemoryStores.State.DISABLED, "account-plan-downgrade", 4));
        IntegrationView late = create(OWNER, viewerConfig("x"), cfg);
        assertThat(late.integration().state()).isEqualTo(IntegrationState.DISABLED);
        assertThat(late.integration().disabledReason()).isEqualTo("account-plan-downgrade");

        long linked = stores.listAll().stream().filter(i -> cfg.equals(i.configurationId())).count();
        assertThat(linked).isEqualTo(2);
        applyEvent(new ConfigurationDeleted(cfg, "oac_x", "slack", TEAM, TEAM, "owner", 5, 0, 0, null));
        assertThat(stores.listAll().stream().filter(i -> cfg.equals(i.configurationId()))).as("both linked integrations deleted").isEmpty();
        assertThat(status(() -> integrations.get(OWNER, null, guid))).isEqualTo(404);
        stores.projections.put(cfg, new InMemoryStores.Projection(InMemoryStores.State.DELETED, null, 5));
        assertThat(status(() -> create(OWNER, viewerConfig("x"), cfg))).isEqualTo(422);
    }

    @Test
    void reencryptionMovesOldValuesToTheActiveKeyAndCountsWhatNoKeyOpens() {
        for (int i = 0; i < 5; i++) {
            create(OWNER, viewerConfig("secret" + i), null);
        }
        byte[] k2key = randomKey();
        SecretBox k2 = new SecretBox(Map.of("k2", k2key, "k1", k1Key), "k2");
        stores.secrets.get(1L).put("orphan", box("k0").seal("lost"));
        ReencryptSecretsUseCase.Report report = new ReencryptSecretsService(stores, new AuditedWrites(stores, null, stores, stores), k2, new ReencryptSettings(2)).reencrypt();
        assertThat(report.resealed()).isEqualTo(5);
        assertThat(report.failed()).isEqualTo(1);
        SecretBox onlyK2 = new SecretBox(Map.of("k2", k2key), "k2");
        for (long id = 1; id <= 5; id++) {
            assertThat(onlyK2.open(stores.secrets.get(id).get("client_secret"))).isEqualTo("secret" + (id - 1));
        }
        assertThatThrownBy(() -> new ReencryptSettings(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void applyEvent(ConfigurationLifecycleEvent event) {
        lifecycle.apply(List.of(ReceivedLifecycleEvent.of(UUID.randomUUID(), event)));
    }
}
