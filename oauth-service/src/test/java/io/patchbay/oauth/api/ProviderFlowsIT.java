package io.patchbay.oauth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.oauth.domain.Pkce;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.MutableClock;
import io.patchbay.oauth.support.OAuthProvider;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verify, the RFC 8693 credential exchange and the browser login against a real OAuth 2.0 / OIDC server in the test JVM
 * ({@link OAuthProvider}: navikt's mock-oauth2-server with registered clients), through the {@code custom} template.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderFlowsIT implements TestPropertyProvider {
    static final String TEAM = "team_flows";
    static final String BASE = "/__api__/v1/oauth/integrations";
    static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(3);

    final String owner = Tokens.token("flowOwner", TEAM, TeamRole.OWNER);
    final String publisher = Tokens.token("flowPublisher", TEAM, TeamRole.DEVELOPER);
    final String viewer = Tokens.token("flowViewer", TEAM, TeamRole.VIEWER);
    final String stranger = Tokens.token("flowStranger", "team_flows_other", TeamRole.OWNER);

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    RecordingApi api;
    OAuthProvider provider;
    String jdbcUrl;
    int port;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_flows");
        port = TestProperties.withConfigServiceStandIn(props);
        props.put("patchbay.oauth.public-url", "http://127.0.0.1:" + port);
        props.put("oauth-it.mutable-clock", "true");
        // short, for the silent provider; long enough for the real one's first token of an issuer (a fresh RSA key) on a busy CI machine
        props.put("patchbay.oauth.provider.timeout", PROVIDER_TIMEOUT.toMillis() + "ms");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }


    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
        provider = new OAuthProvider();
    }

    /**
     * The refresh tokens and PKCE verifiers the service sent to the provider are secrets too: planted for
     * {@link SecretLeakScanIT}, so no response (the token exchange returns access tokens only) or log line may contain them.
     */
    @AfterAll
    void tearDown() {
        for (OAuthProvider.TokenCall c : provider.calls()) {
            for (String secret : List.of("refresh_token", "code_verifier")) {
                if (c.form().get(secret) != null) {
                    Captured.plant(c.form().get(secret));
                }
            }
        }
        provider.close();
    }

    /** A custom-template integration at the provider (issuer {@code issuer}); registers the client with the provider. */
    JsonNode integration(String issuer, String authType, String method, String configurationId) {
        return integration(issuer, authType, method, configurationId, Captured.plant());
    }

    JsonNode integration(String issuer, String authType, String method, String configurationId, String secret) {
        String clientId = "client-" + UUID.randomUUID();
        provider.register(clientId, secret);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("auth_type", authType);
        config.put("auth_mode", "Confidential");
        if (authType.equals("Viewer")) {
            config.put("authorization_uri", provider.authorizationEndpoint(issuer));
        }
        config.put("token_uri", provider.tokenEndpoint(issuer));
        config.put("client_id", clientId);
        config.put("client_secret", secret);
        config.put("scopes", "openid profile offline_access");
        config.put("token_endpoint_auth_method", method);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", issuer, "template", "custom", "config", config));
        if (configurationId != null) {
            body.put("configuration_id", configurationId);
        }
        Api.Response r = api.post(BASE, owner, Json.of(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static String form(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    Api.Response exchange(String token, String integrationGuid, String subjectToken) {
        return api.form(BASE + "/credentials", token, form(Map.of("grant_type", EXCHANGE, "audience", integrationGuid, "subject_token", subjectToken,
                "subject_token_type", ACCESS_TOKEN, "requested_token_type", ACCESS_TOKEN)));
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** login → provider → callback, as a browser would follow the redirects; returns the callback's redirect. */
    record Login(String authorizeUrl, String callbackUrl, Api.Response done) {
    }

    Login login(String userToken, String guid) {
        Api.Response start = api.get("/__oauth__/integrations/" + guid + "/login", userToken);
        assertThat(start.status()).as(start.toString()).isEqualTo(302);
        String authorize = start.header("Location");
        Api.Response atProvider = api.getUrl(authorize, null);
        assertThat(atProvider.status()).as(atProvider.toString()).isEqualTo(302);
        String callback = atProvider.header("Location");
        assertThat(callback).startsWith("http://127.0.0.1:" + port + "/__oauth__/integrations/callback?");
        return new Login(authorize, callback, api.getUrl(callback, null));
    }

    @Test
    void verifyOkAndVerifyWithAWrongSecret() {
        JsonNode sa = integration("verify", "Service Account", "client_secret_post", null);
        String path = BASE + "/" + sa.get("guid").asText() + "/verify";
        Api.Response ok = api.post(path, owner, null);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("verified").asBoolean()).isTrue();
        assertThat(ok.json().get("provider_status").asInt()).isEqualTo(200);
        assertThat(ok.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(ok.json().get("expires_in").asLong()).isPositive();
        assertThat(ok.json().has("access_token")).isFalse();
        assertThat(ok.raw().body()).doesNotContain("eyJ");
        assertThat(provider.calls("verify", "client_credentials")).hasSize(1)
                .allSatisfy(c -> assertThat(c.authMethod()).isEqualTo("client_secret_post"));

        String wrong = Captured.plant();
        assertThat(api.patch(BASE + "/" + sa.get("guid").asText(), owner, Json.of(Map.of("config", Map.of("client_secret", wrong)))).status())
                .isEqualTo(200);
        Api.Response refused = api.post(path, owner, null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        assertThat(refused.json().get("verified").asBoolean()).isFalse();
        assertThat(refused.json().get("provider_status").asInt()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(refused.json().get("error_description").asText()).as("the provider echoed the secret; it is stripped")
                .contains("[redacted]").doesNotContain(wrong);

        assertProblem(api.post(path, publisher, null), 403, null);
        assertProblem(api.post(path, stranger, null), 404, null);
        JsonNode viewerIntegration = integration("verify", "Viewer", "client_secret_post", null);
        assertProblem(api.post(BASE + "/" + viewerIntegration.get("guid").asText() + "/verify", owner, null), 400, "guid");
        assertProblem(api.post(BASE + "/not-a-guid/verify", owner, null), 400, "guid");
    }

    @Test
    void serviceAccountExchangeGivesAFreshTokenEveryCallWithBothAuthMethods() {
        for (String method : List.of("client_secret_post", "client_secret_basic")) {
            String issuer = "sa-" + method;
            String guid = integration(issuer, "Service Account", method, null).get("guid").asText();
            Api.Response first = exchange(Tokens.key(publisher), guid, publisher);
            assertThat(first.status()).as(method + ": " + first).isEqualTo(200);
            assertThat(first.header("Cache-Control")).isEqualTo("no-store");
            assertThat(first.json().get("issued_token_type").asText()).isEqualTo(ACCESS_TOKEN);
            assertThat(first.json().get("token_type").asText()).isEqualTo("Bearer");
            assertThat(first.json().get("expires_in").asLong()).isPositive();
            String token = first.json().get("access_token").asText();
            assertThat(token.split("\\.")).as("a JWT signed by the provider").hasSize(3);
            Api.Response second = exchange(owner, guid, owner);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json().get("access_token").asText()).isNotEqualTo(token);
            assertThat(provider.calls(issuer, "client_credentials")).hasSize(2).allSatisfy(c -> assertThat(c.authMethod()).isEqualTo(method));
            assertThat(provider.calls(issuer, "client_credentials").getFirst().form().get("scope")).isEqualTo("openid profile offline_access");
        }
    }

    @Test
    void loginCallbackSessionExchangeExpiryAndRefresh() {
        String guid = integration("viewer", "Viewer", "client_secret_basic", null).get("guid").asText();
        String user = Tokens.token("flowViewer1", TEAM, TeamRole.VIEWER);
        assertProblem(exchange(publisher, guid, user), 400, "subject_token");
        assertThat(exchange(publisher, guid, user).raw().body()).contains("/__oauth__/integrations/" + guid + "/login");

        Login login = login(user, guid);
        Map<String, String> authorize = query(login.authorizeUrl());
        assertThat(login.authorizeUrl()).startsWith(provider.authorizationEndpoint("viewer"));
        assertThat(authorize).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/__oauth__/integrations/callback")
                .containsEntry("scope", "openid profile offline_access").containsKey("state");
        assertThat(authorize.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(login.done().status()).as(login.done().toString()).isEqualTo(302);
        assertThat(login.done().header("Location")).startsWith("/__oauth__/done?integration=" + guid);
        assertThat(api.getUrl("http://127.0.0.1:" + port + login.done().header("Location"), null).status()).isEqualTo(200);
        List<OAuthProvider.TokenCall> codeCalls = provider.calls("viewer", "authorization_code");
        assertThat(codeCalls).hasSize(1);
        assertThat(codeCalls.getFirst().authMethod()).isEqualTo("client_secret_basic");
        assertThat(Pkce.s256(codeCalls.getFirst().form().get("code_verifier"))).as("the verifier matches the challenge")
                .isEqualTo(authorize.get("code_challenge"));

        Api.Response sessions = api.get("/__api__/v1/oauth/sessions", user);
        assertThat(sessions.json()).hasSize(1);
        JsonNode session = sessions.json().get(0);
        assertThat(session.get("user_guid").asText()).isEqualTo("flowViewer1");
        assertThat(session.get("oauth_integration_guid").asText()).isEqualTo(guid);
        assertThat(session.get("has_refresh_token").asBoolean()).isTrue();
        assertThat(session.get("id").asText()).matches("[0-9]+");
        List<String> names = new ArrayList<>();
        session.fieldNames().forEachRemaining(names::add);
        assertThat(names).as("no token, ever").containsExactlyInAnyOrder("id", "guid", "user_guid", "oauth_integration_guid", "has_refresh_token",
                "created_time", "updated_time");
        List<String> sealed = new Db(jdbcUrl).strings("SELECT access_token_sealed || ' ' || refresh_token_sealed FROM oauth_session WHERE guid = ?",
                UUID.fromString(session.get("guid").asText()));
        assertThat(sealed.getFirst()).startsWith("v1:").contains(" v1:");

        Api.Response first = exchange(publisher, guid, user);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String token = first.json().get("access_token").asText();
        assertThat(sealed.getFirst()).doesNotContain(token);
        assertThat(exchange(Tokens.key(owner), guid, user).json().get("access_token").asText()).as("still fresh: the same token").isEqualTo(token);
        assertThat(provider.calls("viewer", "refresh_token")).isEmpty();

        clock.advance(Duration.ofHours(2));
        Api.Response refreshed = exchange(publisher, guid, user);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.json().get("access_token").asText()).isNotEqualTo(token);
        assertThat(provider.calls("viewer", "refresh_token")).hasSize(1);
        assertThat(exchange(publisher, guid, user).json().get("access_token").asText()).isEqualTo(refreshed.json().get("access_token").asText());
        assertThat(provider.calls("viewer", "refresh_token")).hasSize(1);

        assertProblem(exchange(viewer, guid, user), 403, null);
        assertProblem(exchange(stranger, guid, user), 404, null);
    }

    @Test
    void aReplayedForgedOrExpiredStateIsRejected() {
        String guid = integration("states", "Viewer", "client_secret_post", null).get("guid").asText();
        Login login = login(viewer, guid);
        assertThat(login.done().status()).isEqualTo(302);
        Api.Response replay = api.getUrl(login.callbackUrl(), null);
        assertProblem(replay, 400, "state");
        assertThat(provider.calls("states", "authorization_code")).as("a replay never reaches the provider").hasSize(1);

        String forged = login.callbackUrl().replaceAll("state=[^&]+", "state=" + Pkce.randomValue());
        assertProblem(api.getUrl(forged, null), 400, "state");
        assertProblem(api.getUrl("http://127.0.0.1:" + port + "/__oauth__/integrations/callback?code=abc", null), 400, "state");

        Api.Response start = api.get("/__oauth__/integrations/" + guid + "/login", viewer);
        Api.Response atProvider = api.getUrl(start.header("Location"), null);
        clock.advance(Duration.ofMinutes(11));
        assertProblem(api.getUrl(atProvider.header("Location"), null), 400, "state");
        assertThat(provider.calls("states", "authorization_code")).hasSize(1);

        Api.Response denied = api.get("/__oauth__/integrations/" + guid + "/login", viewer);
        String state = query(denied.header("Location")).get("state");
        assertProblem(api.getUrl("http://127.0.0.1:" + port + "/__oauth__/integrations/callback?state=" + state
                + "&error=access_denied&error_description=the+user+said+no", null), 400, "error");

        assertProblem(api.get("/__oauth__/integrations/" + guid + "/login", null), 401, null);
        assertProblem(api.get("/__oauth__/integrations/" + guid + "/login", stranger), 404, null);
        String sa = integration("states", "Service Account", "client_secret_post", null).get("guid").asText();
        assertProblem(api.get("/__oauth__/integrations/" + sa + "/login", viewer), 400, "guid");
    }

    @Test
    void aDenialWhoseDescriptionEchoesTheClientSecretNeverShowsIt() {
        // not planted for SecretLeakScanIT: the browser brings this one in the callback's URL, which the framework's own
        // DEBUG request lines (on in tests only) print as received; what the service answers must not show it
        String secret = "echoSecret" + UUID.randomUUID().toString().replace("-", "");
        String guid = integration("echo", "Viewer", "client_secret_post", null, secret).get("guid").asText();
        Api.Response start = api.get("/__oauth__/integrations/" + guid + "/login", viewer);
        String state = query(start.header("Location")).get("state");
        Api.Response denied = api.getUrl("http://127.0.0.1:" + port + "/__oauth__/integrations/callback?state=" + state
                + "&error=invalid_client&error_description=client_secret+" + secret + "+is+not+valid", null);
        assertProblem(denied, 400, "error");
        assertThat(denied.raw().body()).as("the browser's redirect carried the secret; the answer does not")
                .doesNotContain(secret).contains("[redacted]").contains("invalid_client");
    }

    @Test
    void twentyConcurrentExchangesOnAnExpiredSessionCauseExactlyOneRefresh() throws Exception {
        String guid = integration("concurrent", "Viewer", "client_secret_post", null).get("guid").asText();
        String user = Tokens.token("flowViewer20", TEAM, TeamRole.VIEWER);
        assertThat(login(user, guid).done().status()).isEqualTo(302);
        String before = exchange(publisher, guid, user).json().get("access_token").asText();
        clock.advance(Duration.ofHours(3));
        int refreshesBefore = provider.calls("concurrent", "refresh_token").size();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit((Callable<Api.Response>) () -> {
                    go.await(10, TimeUnit.SECONDS);
                    return exchange(publisher, guid, user);
                }));
            }
            go.countDown();
            Set<String> tokens = new HashSet<>();
            for (Future<Api.Response> f : results) {
                Api.Response r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                tokens.add(r.json().get("access_token").asText());
            }
            assertThat(tokens).as("all twenty got the one refreshed token").hasSize(1).doesNotContain(before);
        } finally {
            pool.shutdownNow();
        }
        int refreshes = provider.calls("concurrent", "refresh_token").size() - refreshesBefore;
        System.out.printf("BENCHMARK oauth-concurrent-refresh exchanges=20 refreshes=%d%n", refreshes);
        assertThat(refreshes).isEqualTo(1);
        assertThat(new Db(jdbcUrl).number("SELECT s.refreshed_count FROM oauth_session s JOIN oauth_integration i ON i.id = s.integration_id "
                + "WHERE i.guid = ?", UUID.fromString(guid))).isEqualTo(1);
    }

    @Test
    void sessionsAreVisibleToTheirUserAndAdministratorsAndCanBeDeleted() {
        String guid = integration("sessions", "Viewer", "client_secret_post", null).get("guid").asText();
        String alice = Tokens.token("flowAlice", TEAM, TeamRole.VIEWER);
        String bob = Tokens.token("flowBob", TEAM, TeamRole.MEMBER);
        login(alice, guid);
        login(bob, guid);
        JsonNode aliceSessions = api.get("/__api__/v1/oauth/sessions", alice).json();
        assertThat(aliceSessions.findValuesAsText("user_guid")).containsOnly("flowAlice");
        String aliceSession = aliceSessions.get(0).get("guid").asText();
        assertThat(api.get("/__api__/v1/oauth/sessions", owner).json().findValuesAsText("user_guid")).contains("flowAlice", "flowBob");
        assertThat(api.get("/__api__/v1/oauth/sessions", Tokens.admin()).json().findValuesAsText("user_guid")).contains("flowAlice", "flowBob");
        assertThat(api.get("/__api__/v1/oauth/sessions", stranger).json()).isEmpty();
        assertThat(api.get("/__api__/v1/oauth/sessions/" + aliceSession, alice).status()).isEqualTo(200);
        assertThat(api.get("/__api__/v1/oauth/sessions/" + aliceSession, owner).status()).isEqualTo(200);
        assertProblem(api.get("/__api__/v1/oauth/sessions/" + aliceSession, bob), 404, null);
        assertProblem(api.delete("/__api__/v1/oauth/sessions/" + aliceSession, bob), 404, null);
        assertProblem(api.get("/__api__/v1/oauth/sessions/nope", alice), 400, "guid");
        Api.Response deleted = api.delete("/__api__/v1/oauth/sessions/" + aliceSession, alice);
        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(api.get("/__api__/v1/oauth/sessions/" + aliceSession, alice), 404, null);
        assertProblem(exchange(publisher, guid, alice), 400, "subject_token");
        assertThat(exchange(publisher, guid, bob).status()).isEqualTo(200);
    }

    @Test
    void aDisabledIntegrationRefusesVerifyExchangeAndLoginWith409() {
        String sa = integration("disabled", "Service Account", "client_secret_post", "icfg_Off" + "a".repeat(21)).get("guid").asText();
        String viewerIntegration = integration("disabled", "Viewer", "client_secret_post", "icfg_Off" + "b".repeat(21)).get("guid").asText();
        assertProblem(api.post(BASE + "/" + sa + "/verify", owner, null), 409, null);
        assertProblem(exchange(publisher, sa, publisher), 409, null);
        assertProblem(exchange(publisher, viewerIntegration, viewer), 409, null);
        assertProblem(api.get("/__oauth__/integrations/" + viewerIntegration + "/login", viewer), 409, null);
        assertThat(provider.calls("disabled", "client_credentials")).isEmpty();
    }

    @Test
    void badExchangeRequestsAre400NamingTheParameter() {
        String guid = integration("bad", "Service Account", "client_secret_post", null).get("guid").asText();
        Map<String, String> good = Map.of("grant_type", EXCHANGE, "audience", guid, "subject_token", publisher, "subject_token_type", ACCESS_TOKEN);
        for (String missing : List.of("grant_type", "audience", "subject_token", "subject_token_type")) {
            Map<String, String> without = new LinkedHashMap<>(good);
            without.remove(missing);
            assertProblem(api.form(BASE + "/credentials", publisher, form(without)), 400, missing);
        }
        Map<String, String> wrong = Map.of("grant_type", "client_credentials", "audience", "not-a-guid", "subject_token", "not-a-token",
                "subject_token_type", "urn:nope", "requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token", "surprise", "1");
        wrong.forEach((name, value) -> {
            Map<String, String> bad = new LinkedHashMap<>(good);
            bad.put(name, value);
            assertProblem(api.form(BASE + "/credentials", publisher, form(bad)), 400, name);
        });
        assertProblem(api.form(BASE + "/credentials", publisher, form(good) + "&audience=" + guid), 400, "audience");
        assertProblem(api.form(BASE + "/credentials", publisher, "%zz=1"), 400, "body");
        Map<String, String> unknown = new LinkedHashMap<>(good);
        unknown.put("audience", UUID.randomUUID().toString());
        assertProblem(api.form(BASE + "/credentials", publisher, form(unknown)), 404, null);
        Api.Response json = api.post(BASE + "/credentials", publisher, Json.of(good));
        assertThat(json.status()).as(json.toString()).isIn(400, 415);
        assertProblem(api.form(BASE + "/credentials", null, form(good)), 401, null);
    }

    @Test
    void providerErrorsAreStrippedRedirectsNotFollowedAndSlowProvidersTimeOut() throws Exception {
        String guid = integration("strip", "Service Account", "client_secret_basic", null).get("guid").asText();
        String wrong = Captured.plant();
        api.patch(BASE + "/" + guid, owner, Json.of(Map.of("config", Map.of("client_secret", wrong))));
        Api.Response refused = exchange(publisher, guid, publisher);
        assertProblem(refused, 422, null);
        assertThat(refused.json().get("code").asText()).isEqualTo("provider_error");
        assertThat(refused.raw().body()).contains("invalid_client", "[redacted]").doesNotContain(wrong);

        assertProblem(api.post(BASE, owner, Json.of(Map.of("template", "custom", "config", Map.of("auth_type", "Service Account",
                "token_uri", "https://idp.example.com/token|v2", "client_id", "local", "client_secret", Captured.plant())))), 400, "config.token_uri");

        try (LocalHttp redirecting = LocalHttp.answering(exchange -> {
            exchange.getResponseHeaders().add("Location", "https://attacker.example/steal");
            exchange.sendResponseHeaders(307, -1);
        })) {
            String redirected = integrationAt(redirecting.url("/token"));
            Api.Response verify = api.post(BASE + "/" + redirected + "/verify", owner, null);
            assertThat(verify.json().get("verified").asBoolean()).isFalse();
            assertThat(verify.json().get("error").asText()).isEqualTo("redirect_not_followed");
            assertThat(verify.json().get("error_description").asText()).contains("attacker.example");
            assertThat(redirecting.requests()).as("asked once, the redirect not followed").isEqualTo(1);
        }

        CountDownLatch release = new CountDownLatch(1);
        try (LocalHttp silent = LocalHttp.answering(exchange -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
        })) {
            String slow = integrationAt(silent.url("/token"));
            long started = System.nanoTime();
            Api.Response verify = api.post(BASE + "/" + slow + "/verify", owner, null);
            long verifyMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(verify.json().get("verified").asBoolean()).isFalse();
            assertThat(verify.json().get("error").asText()).isEqualTo("provider_unreachable");
            started = System.nanoTime();
            Api.Response exchange = exchange(publisher, slow, publisher);
            long exchangeMillis = (System.nanoTime() - started) / 1_000_000;
            assertProblem(exchange, 503, null);
            assertThat(exchange.header("Retry-After")).isEqualTo("5");
            System.out.printf("BENCHMARK oauth-provider-timeout timeout=%dms verifyMillis=%d exchangeMillis=%d%n", PROVIDER_TIMEOUT.toMillis(),
                    verifyMillis, exchangeMillis);
            assertThat(verifyMillis).isLessThan(PROVIDER_TIMEOUT.toMillis() + 3_000);
            assertThat(exchangeMillis).isLessThan(PROVIDER_TIMEOUT.toMillis() + 3_000);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aPublicClientLogsInWithPkceAndNoSecret() {
        String clientId = "public-" + UUID.randomUUID();
        provider.registerPublic(clientId);
        Api.Response created = api.post(BASE, owner, Json.of(Map.of("name", "public", "template", "custom", "config", Map.of("auth_type", "Viewer",
                "auth_mode", "Public", "authorization_uri", provider.authorizationEndpoint("public"), "token_uri", provider.tokenEndpoint("public"),
                "client_id", clientId, "scopes", "openid offline_access"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String guid = created.json().get("guid").asText();
        Login login = login(viewer, guid);
        assertThat(login.done().status()).as(login.done().toString()).isEqualTo(302);
        OAuthProvider.TokenCall call = provider.calls("public", "authorization_code").getFirst();
        assertThat(call.authMethod()).isEqualTo("none");
        assertThat(call.form()).containsEntry("client_id", clientId).containsKey("code_verifier").doesNotContainKey("client_secret");
        assertThat(exchange(publisher, guid, viewer).status()).isEqualTo(200);
    }

    /** The role table for the token-flow endpoints: administrator, publisher, viewer, another tenant. */
    @Test
    void rolesOnTheTokenFlowEndpoints() {
        String sa = integration("roles", "Service Account", "client_secret_post", null).get("guid").asText();
        String viewerIntegration = integration("roles", "Viewer", "client_secret_post", null).get("guid").asText();
        String viewerSession = null;
        login(viewer, viewerIntegration);
        for (JsonNode s : api.get("/__api__/v1/oauth/sessions", viewer).json()) {
            if (s.get("oauth_integration_guid").asText().equals(viewerIntegration)) {
                viewerSession = s.get("guid").asText();
            }
        }
        assertThat(viewerSession).isNotNull();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("administrator", owner);
        roles.put("publisher", publisher);
        roles.put("viewer", viewer);
        roles.put("other tenant", stranger);
        Map<String, int[]> expected = Map.of(
                "administrator", new int[]{200, 200, 302, 200, 200},
                "publisher", new int[]{403, 200, 302, 200, 404},
                "viewer", new int[]{403, 403, 302, 200, 200},
                "other tenant", new int[]{404, 404, 404, 200, 404});
        for (var role : roles.entrySet()) {
            String token = role.getValue();
            int[] statuses = {
                    api.post(BASE + "/" + sa + "/verify", token, null).status(),
                    exchange(token, sa, token).status(),
                    api.get("/__oauth__/integrations/" + viewerIntegration + "/login", token).status(),
                    api.get("/__api__/v1/oauth/sessions", token).status(),
                    api.get("/__api__/v1/oauth/sessions/" + viewerSession, token).status()};
            assertThat(statuses).as(role.getKey() + " × verify, credentials, login, sessions, session").containsExactly(expected.get(role.getKey()));
        }
    }

    String integrationAt(String tokenUri) {
        Api.Response r = api.post(BASE, owner, Json.of(Map.of("template", "custom", "config", Map.of("auth_type", "Service Account",
                "token_uri", tokenUri, "client_id", "local", "client_secret", Captured.plant()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("guid").asText();
    }
}
