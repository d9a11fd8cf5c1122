package io.patchbay.oauth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped template over HTTP, driven by the template as the service serves it: a valid config is accepted; each
 * required field missing, each regex violated, an unknown key, each option value outside its list, and each field sent
 * where the chosen options hide it — each is rejected with that field named.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateValidationIT implements TestPropertyProvider {
    static final String BASE = "/__api__/v1/oauth/integrations";
    static final String UUID_A = "23a0078b-cd0d-489f-8e00-e5116c71db9b";
    static final String UUID_B = "a0b52758-d0b5-4b27-a6c0-13ca07eabdd7";
    /** Fails every template regex: spaces at both ends and doubled. */
    static final String INVALID = " not  valid ";
    private static final Pattern EQUALS = Pattern.compile("([a-z_]+) == '([^']*)'");

    final String owner = Tokens.token("templOwner", "team_templates", TeamRole.OWNER);

    @Inject
    EmbeddedServer server;
    RecordingApi api;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of("oauth_templates");
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
    }

    /** A valid config per template; {@code SECRET} is replaced by a fresh planted secret. */
    static Map<String, Object> valid(String template) {
        Map<String, Object> c = new LinkedHashMap<>(switch (template) {
            case "custom" -> Map.of("auth_type", "Viewer", "auth_mode", "Confidential", "authorization_uri", "https://idp.example.com/authorize",
                    "token_uri", "https://idp.example.com/token", "client_id", "patchbay", "client_secret", "SECRET", "scopes", "openid profile",
                    "token_endpoint_auth_method", "client_secret_post");
            case "azure" -> Map.of("auth_mode", "Confidential", "client_id", UUID_A, "tenant_id", UUID_B,
                    "scopes", "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default offline_access", "client_secret", "SECRET");
            case "github" -> Map.of("client_id", "Iv1.8a61f9b3a7aba766", "client_secret", "SECRET", "scopes", "repo read:org");
            case "google" -> Map.of("client_id", "1234-abc.apps.googleusercontent.com", "client_secret", "SECRET", "scopes", "openid email");
            case "salesforce" -> Map.of("account_url", "https://acme.my.salesforce.com", "client_id", "3MVG9abc", "client_secret", "SECRET",
                    "scopes", "api refresh_token");
            case "snowflake" -> Map.of("account_url", "https://myorg-acct.snowflakecomputing.com", "client_id", "abc+def=", "client_secret", "SECRET",
                    "scopes", "refresh_token session:role:ANALYST");
            case "databricks" -> Map.of("auth_type", "Viewer", "auth_mode", "Confidential", "account_url", "https://dbc-1234.cloud.databricks.com",
                    "client_id", "abc-123", "client_secret", "SECRET", "scopes", "all-apis offline_access");
            case "msgraph" -> Map.of("auth_type", "Viewer", "auth_mode", "Confidential", "client_id", UUID_A, "tenant_id", UUID_B, "client_secret",
                    "SECRET", "scopes", "User.Read offline_access");
            default -> throw new AssertionError("no valid config for " + template);
        });
        c.replaceAll((k, v) -> "SECRET".equals(v) ? Captured.plant() : v);
        return c;
    }

    static Stream<String> templates() {
        return Stream.of("custom", "azure", "github", "google", "salesforce", "snowflake", "databricks", "msgraph");
    }

    Api.Response create(String template, Map<String, Object> config) {
        return api.post(BASE, owner, Json.of(Map.of("template", template, "config", config)));
    }

    static List<String> errorFields(Api.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    @Test
    void theEightTemplatesAreServedReadOnlyWithTheirRules() {
        Api.Response list = api.get("/__api__/v1/oauth/templates", owner);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("id")).containsExactly(templates().toArray(String[]::new));
        for (JsonNode t : list.json()) {
            assertThat(t.get("name").asText()).isNotBlank();
            assertThat(t.get("auth_types").size()).isPositive();
            assertThat(t.get("endpoints").get("authorization_endpoint").asText()).isNotBlank();
            assertThat(t.get("endpoints").get("token_endpoint").asText()).isNotBlank();
            assertThat(t.get("fields").findValuesAsText("name")).contains("client_id", "client_secret");
            JsonNode secret = findField(t, "client_secret");
            assertThat(secret.get("secret").asBoolean()).isTrue();
            assertThat(secret.get("validation").asText()).isNotBlank();
            assertThat(t.get("fields").get(0).has("validation_description")).isTrue();
            assertThat(t.get("fields").get(0).has("visibility_expression")).isTrue();
            assertThat(t.get("fields").get(0).has("multiline")).isTrue();
        }
        JsonNode azure = api.get("/__api__/v1/oauth/templates/azure", owner).json();
        assertThat(azure.get("endpoints").get("token_endpoint").asText()).isEqualTo("https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token");
        assertThat(azure.get("options").get(0).get("name").asText()).isEqualTo("auth_mode");
        assertThat(azure.get("options").get(0).get("values").toString()).isEqualTo("[\"Confidential\",\"Public\"]");
        assertThat(azure.get("options").get(0).get("default").asText()).isEqualTo("Confidential");
        assertThat(findField(azure, "client_secret").get("visibility_expression").asText()).isEqualTo("auth_mode == 'Confidential'");
        assertThat(api.send("POST", "/__api__/v1/oauth/templates", owner, "{}").status()).isIn(404, 405);
        assertThat(api.send("DELETE", "/__api__/v1/oauth/templates/azure", owner, null).status()).isIn(404, 405);
    }

    static JsonNode findField(JsonNode template, String name) {
        for (JsonNode f : template.get("fields")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError(name + " not in " + template.get("id"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyRuleOfTheTemplateNamesTheField(String key) {
        JsonNode template = api.get("/__api__/v1/oauth/templates/" + key, owner).json();
        Map<String, Object> valid = valid(key);

        Api.Response ok = create(key, valid);
        assertThat(ok.status()).as(key + " valid: " + ok).isEqualTo(200);
        for (JsonNode f : template.get("fields")) {
            String name = f.get("name").asText();
            if (f.get("secret").asBoolean()) {
                assertThat(ok.json().get("config").has(name)).as(key + ": secret " + name + " is never returned").isFalse();
            } else if (valid.containsKey(name)) {
                assertThat(ok.json().get("config").get(name).asText()).isEqualTo(valid.get(name));
            }
        }
        for (JsonNode o : template.get("options")) {
            assertThat(ok.json().get("config").has(o.get("name").asText())).as(key + ": options live in config").isTrue();
        }

        for (JsonNode f : template.get("fields")) {
            String name = f.get("name").asText();
            boolean secret = f.get("secret").asBoolean();
            if (f.get("required").asBoolean() && valid.containsKey(name)) {
                Map<String, Object> missing = new LinkedHashMap<>(valid(key));
                missing.remove(name);
                Api.Response r = create(key, missing);
                assertProblem(r, 400, "config." + name);
                assertThat(errorFields(r)).as(key + " without " + name).containsExactly("config." + name);
            }
            if (!f.get("validation").isNull()) {
                Map<String, Object> bad = new LinkedHashMap<>(valid(key));
                String value = secret ? Captured.plant(Captured.plant() + INVALID) : INVALID;
                bad.put(name, value);
                Api.Response r = create(key, bad);
                assertProblem(r, 400, "config." + name);
                assertThat(errorFields(r)).as(key + " with a bad " + name).containsExactly("config." + name);
                assertThat(r.raw().body()).doesNotContain(value.trim());
            }
            if (!f.get("visibility_expression").isNull()) {
                Map<String, Object> hidden = hiding(template, f.get("visibility_expression").asText(), valid(key));
                String value = secret ? Captured.plant() : "https://idp.example.com/x";
                hidden.put(name, value);
                Api.Response r = create(key, hidden);
                assertProblem(r, 400, "config." + name);
                assertThat(r.raw().body()).contains("does not apply").doesNotContain(value);
            }
        }
        for (JsonNode o : template.get("options")) {
            Map<String, Object> bad = new LinkedHashMap<>(valid(key));
            bad.put(o.get("name").asText(), "Sometimes");
            assertProblem(create(key, bad), 400, "config." + o.get("name").asText());
        }
        Map<String, Object> unknown = new LinkedHashMap<>(valid(key));
        unknown.put("unknown_setting", "x");
        Api.Response r = create(key, unknown);
        assertProblem(r, 400, "config.unknown_setting");
        assertThat(errorFields(r)).containsExactly("config.unknown_setting");
    }

    /** The valid config with the options changed so that {@code expression} (comparisons joined by ||/&&) is false. */
    static Map<String, Object> hiding(JsonNode template, String expression, Map<String, Object> config) {
        Matcher m = EQUALS.matcher(expression);
        while (m.find()) {
            String option = m.group(1);
            for (JsonNode o : template.get("options")) {
                if (o.get("name").asText().equals(option)) {
                    for (JsonNode v : o.get("values")) {
                        if (!v.asText().equals(m.group(2))) {
                            config.put(option, v.asText());
                            break;
                        }
                    }
                }
            }
        }
        return config;
    }

    @Test
    void crossFieldRules() {
        Map<String, Object> graph = valid("msgraph");
        graph.put("scopes", "https://graph.microsoft.com/.default User.Read offline_access");
        assertProblem(create("msgraph", graph), 400, "config.scopes");
        graph.put("scopes", "User.Read");
        Api.Response noOffline = create("msgraph", graph);
        assertProblem(noOffline, 400, "config.scopes");
        assertThat(noOffline.raw().body()).contains("offline_access");
        graph.put("auth_type", "Service Account");
        graph.put("scopes", "https://graph.microsoft.com/.default");
        Api.Response serviceAccount = create("msgraph", graph);
        assertThat(serviceAccount.status()).as(serviceAccount.toString()).isEqualTo(200);
        assertThat(serviceAccount.json().get("auth_type").asText()).isEqualTo("Service Account");
        graph.put("auth_mode", "Public");
        graph.remove("client_secret");
        assertProblem(create("msgraph", graph), 400, "config.auth_mode");

        Map<String, Object> custom = valid("custom");
        custom.put("token_uri", "http://127.0.0.1:9999/token");
        assertThat(create("custom", custom).status()).isEqualTo(200);
        custom.put("token_uri", "http://idp.example.com/token");
        assertProblem(create("custom", custom), 400, "config.token_uri");
        custom.put("token_uri", "token");
        assertProblem(create("custom", custom), 400, "config.token_uri");

        Map<String, Object> publicAzure = valid("azure");
        publicAzure.put("auth_mode", "Public");
        publicAzure.remove("client_secret");
        Api.Response pub = create("azure", publicAzure);
        assertThat(pub.status()).as(pub.toString()).isEqualTo(200);
        assertThat(pub.json().get("config").get("auth_mode").asText()).isEqualTo("Public");

        Map<String, Object> serviceCustom = valid("custom");
        serviceCustom.put("auth_type", "Service Account");
        serviceCustom.remove("authorization_uri");
        Api.Response sa = create("custom", serviceCustom);
        assertThat(sa.status()).as(sa.toString()).isEqualTo(200);
        assertThat(sa.json().get("auth_type").asText()).isEqualTo("Service Account");
        Map<String, Object> pkce = valid("custom");
        pkce.put("use_pkce", false);
        assertThat(create("custom", pkce).json().get("config").get("use_pkce").asText()).isEqualTo("false");
        pkce.put("use_pkce", 1);
        assertProblem(create("custom", pkce), 400, "config.use_pkce");
    }
}
