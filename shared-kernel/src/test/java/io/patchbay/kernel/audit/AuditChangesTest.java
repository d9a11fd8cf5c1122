package io.patchbay.kernel.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditChangesTest {
    @Test
    void onlyTheFieldsThatDifferAreChanges() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", "a");
        before.put("scopes", List.of("read"));
        before.put("enabled", true);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", "a");
        after.put("scopes", List.of("read", "write"));
        after.put("enabled", false);
        after.put("note", null);

        assertThat(AuditChanges.diff(before, after, Set.of())).containsExactly(
                Map.entry("scopes", new AuditChange(List.of("read"), List.of("read", "write"))),
                Map.entry("enabled", new AuditChange(true, false)));
    }

    @Test
    void aSecretThatChangesIsMaskedOnBothSidesAndNeverCopied() {
        Map<String, Object> changes = Map.copyOf(AuditChanges.diff(Map.of("client_secret", "s3cr3t-old"), Map.of("client_secret", "s3cr3t-new"),
                Set.of("client_secret")));
        assertThat(changes).containsExactly(Map.entry("client_secret", new AuditChange("********", "********")));
        assertThat(changes.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aSecretSetOrRemovedShowsThatItIsThereOrNot() {
        assertThat(AuditChanges.created(Map.of("password", "pw"), Set.of("password")))
                .containsExactly(Map.entry("password", new AuditChange(null, "********")));
        assertThat(AuditChanges.deleted(Map.of("password", "pw"), Set.of("password")))
                .containsExactly(Map.entry("password", new AuditChange("********", null)));
        assertThat(AuditChanges.diff(Map.of("password", "pw"), Map.of("password", "pw"), Set.of("password"))).isEmpty();
    }

    @Test
    void valuesBecomeJsonLikeTrees() {
        Instant at = Instant.parse("2025-01-31T12:00:00Z");
        assertThat(AuditChanges.of("disabled_at", null, at)).containsExactly(Map.entry("disabled_at", new AuditChange(null, "2025-01-31T12:00:00Z")));
        assertThat(AuditChanges.of("kind", Thread.State.NEW, Thread.State.RUNNABLE))
                .containsExactly(Map.entry("kind", new AuditChange("NEW", "RUNNABLE")));
    }

    @Test
    void aFlattenedTreeDiffsLeafByLeafSoANestedSecretIsMaskedAlone() {
        Map<String, Object> before = AuditChanges.flatten("config", Map.of("credentials", Map.of("client_secret", "sealed-1", "client_id", "a"),
                "scopes", List.of("x")));
        Map<String, Object> after = AuditChanges.flatten("config", Map.of("credentials", Map.of("client_secret", "sealed-2", "client_id", "b"),
                "scopes", List.of()));
        assertThat(AuditChanges.diff(before, after, Set.of("config.credentials.client_secret"))).containsOnly(
                Map.entry("config.credentials.client_secret", new AuditChange("********", "********")),
                Map.entry("config.credentials.client_id", new AuditChange("a", "b")),
                Map.entry("config.scopes[0]", new AuditChange("x", null)),
                Map.entry("config.scopes", new AuditChange(null, List.of())));
    }

    @Test
    void actionsAreResourceDotVerb() {
        assertThat(AuditRecord.of("configuration.disabled", "configuration", "icfg_1", null, null).changes()).isEmpty();
        assertThatThrownBy(() -> AuditRecord.of("Disabled", "configuration", "icfg_1", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSystemCauseHoldsOnlyInsideItsScope() {
        assertThat(AuditContext.systemCause()).isEmpty();
        String seen = AuditContext.asSystem(AuditCause.trigger("plan_downgrade"),
                () -> AuditContext.systemCause().map(AuditCause::trigger).orElse("none"));
        assertThat(seen).isEqualTo("plan_downgrade");
        assertThat(AuditContext.systemCause()).isEmpty();
    }
}
