package io.patchbay.environment.domain;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.secret.SecretBox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deep merge, RFC 7396 merge patches, config validation and secrets, as plain functions. */
class ConfigsTest {
    private static final SecretBox BOX = SecretBox.ofBase64Key("k1", "cGF0Y2hiYXktZGV2LWtleS1ub3QtZm9yLXByb2QhISE=");

    @SafeVarargs
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> arr(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static List<String> fields(Runnable r) {
        try {
            r.run();
        } catch (DomainException.InvalidValue e) {
            return e.violations().stream().map(DomainException.Violation::attribute).toList();
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void effectiveConfigMergesObjectsRecursivelyReplacesArraysAndScalarsAndNullDeletes() {
        Map<String, Object> base = obj("base_url", "https://api.example.com", "label", "Example",
                "headers", obj("Accept", "application/json", "User-Agent", "truto"),
                "pagination", obj("format", "page", "config", obj("page_key", "page", "limit_key", "per_page")),
                "resources", obj("users", obj("list", obj("method", "get", "path", "/users", "tags", arr("a", "b")))));
        Map<String, Object> override = obj("label", "Ours",
                "headers", obj("User-Agent", null, "X-Env", "prod"),
                "pagination", obj("config", obj("limit_key", "size")),
                "resources", obj("users", obj("list", obj("tags", arr("c")))),
                "logo", null);

        Map<String, Object> effective = Configs.merge(base, override);

        assertThat(effective.get("label")).isEqualTo("Ours");
        assertThat(effective.get("base_url")).isEqualTo("https://api.example.com");
        assertThat(effective.get("headers")).isEqualTo(obj("Accept", "application/json", "X-Env", "prod"));
        assertThat(effective.get("pagination")).isEqualTo(obj("format", "page", "config", obj("page_key", "page", "limit_key", "size")));
        assertThat(effective.get("resources")).isEqualTo(obj("users", obj("list", obj("method", "get", "path", "/users", "tags", arr("c")))));
        assertThat(effective).doesNotContainKey("logo");
        assertThat(base.get("headers")).as("the base is not changed").isEqualTo(obj("Accept", "application/json", "User-Agent", "truto"));
    }

    @Test
    void nestedNullsUnderAMissingBaseObjectLeaveNoNullsBehind() {
        Map<String, Object> effective = Configs.merge(obj(), obj("query", obj("a", null, "b", "1")));
        assertThat(effective).isEqualTo(obj("query", obj("b", "1")));
    }

    @Test
    void mergePatchEditsInPlaceAndNullRemovesFromTheStoredOverride() {
        Map<String, Object> stored = obj("label", "A", "headers", obj("X-A", "1", "X-B", "2"));
        Object patched = Configs.mergePatch(stored, obj("headers", obj("X-B", null, "X-C", "3"), "logo", "https://l.example/x.png"));
        assertThat(patched).isEqualTo(obj("label", "A", "headers", obj("X-A", "1", "X-C", "3"), "logo", "https://l.example/x.png"));
        assertThat(Configs.mergePatch(stored, obj("label", null))).isEqualTo(obj("headers", obj("X-A", "1", "X-B", "2")));
    }

    @Test
    void topLevelNullSlotsAreDroppedFromAStoredOverrideButNestedNullsStay() {
        assertThat(Configs.withoutNullSlots(obj("label", null, "headers", obj("X", null))))
                .isEqualTo(obj("headers", obj("X", null)));
    }

    @Test
    void validationNamesEveryBadField() {
        Map<String, Object> bad = obj("base_url", "ftp://x", "nonsense", 1, "headers", obj("A", 1),
                "query_array_format", "weird", "authorization", obj("format", "oauth9"), "pagination", obj("format", "pages"),
                "resources", obj("users", obj("list", obj("method", "fetch", "path", "users"))));
        assertThat(fields(() -> Configs.validate(bad, "config", Configs.Kind.CONFIG))).containsExactlyInAnyOrder(
                "config.base_url", "config.nonsense", "config.headers.A", "config.query_array_format", "config.authorization.format",
                "config.pagination.format", "config.resources.users.list.method", "config.resources.users.list.path");
    }

    @Test
    void placeholdersAreKeptAndAcceptedAndOverridesMayBePartial() {
        Configs.validate(obj("base_url", "https://{{context.subdomain}}.zendesk.com/api/v2",
                "authorization", obj("format", "bearer", "config", obj("value", "{{oauth.token.access_token}}"))), "config", Configs.Kind.CONFIG);
        Configs.validate(obj("resources", obj("users", obj("list", obj("response_path", "data.items"))), "headers", obj("X", null)),
                "override", Configs.Kind.OVERRIDE);
        assertThat(fields(() -> Configs.validate(obj("resources", obj("users", obj("list", obj("response_path", "x")))), "config",
                Configs.Kind.CONFIG))).containsExactlyInAnyOrder("config.resources.users.list.method", "config.resources.users.list.path");
    }

    @Test
    void aConfigIsAtMost256KiB() {
        Configs.checkSize(Configs.MAX_BYTES, "config");
        assertThat(fields(() -> Configs.checkSize(Configs.MAX_BYTES + 1L, "config"))).containsExactly("config");
        assertThat(fields(() -> Configs.validate(obj("query_array_format", 7), "config", Configs.Kind.CONFIG)))
                .containsExactly("config.query_array_format");
    }

    @Test
    void secretsAreSealedMaskedAndAMaskWrittenBackKeepsTheStoredValue() {
        Map<String, Object> sealed = ConfigSecrets.seal(obj("credentials", obj("client_id", "abc", "client_secret", "s3cret",
                "nested", obj("token", "t0k"))), obj(), BOX, "config");
        Map<?, ?> creds = (Map<?, ?>) sealed.get("credentials");
        assertThat(creds.get("client_id")).isEqualTo("abc");
        assertThat((String) creds.get("client_secret")).startsWith("v1:k1:");
        assertThat(BOX.open((String) creds.get("client_secret"))).isEqualTo("s3cret");
        assertThat(BOX.open((String) ((Map<?, ?>) creds.get("nested")).get("token"))).isEqualTo("t0k");

        Map<String, Object> masked = ConfigSecrets.mask(sealed);
        assertThat(masked.get("credentials")).isEqualTo(obj("client_id", "abc", "client_secret", "********", "nested", obj("token", "********")));

        Map<String, Object> again = ConfigSecrets.seal(masked, sealed, BOX, "config");
        assertThat(again).as("GET → PATCH round trip keeps the stored secrets").isEqualTo(sealed);

        assertThat(fields(() -> ConfigSecrets.seal(obj("credentials", obj("password", "********")), obj(), BOX, "override")))
                .containsExactly("override.credentials.password");
        assertThat(fields(() -> ConfigSecrets.seal(obj("credentials", obj("password", 42)), obj(), BOX, "override")))
                .containsExactly("override.credentials.password");
    }
}
