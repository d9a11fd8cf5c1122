package io.patchbay.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode entry(String at, String service, String action) throws Exception {
        return JSON.readTree("{\"id\":\"" + at + service + "\",\"occurred_at\":\"" + at + "\",\"service\":\"" + service + "\",\"action\":\""
                + action + "\",\"resource\":{\"type\":\"configuration\",\"id\":\"icfg_1\"},\"team_id\":\"team_a\","
                + "\"actor\":{\"type\":\"system\",\"id\":\"system\",\"team_id\":null},\"cause\":{\"trigger\":\"plan_downgrade\"},"
                + "\"request_id\":\"req-1\",\"changes\":{\"disabled_reason\":{\"from\":null,\"to\":\"account-plan-downgrade\"},"
                + "\"secrets.client_secret\":{\"from\":\"********\",\"to\":\"********\"}}}");
    }

    @Test
    void theCommandLine() {
        assertThat(Cli.parse("audit")).isEqualTo(new Command.Audit(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100));
        assertThat(Cli.parse("audit", "--resource", "icfg_1", "--actor=u1", "--since", "1h", "--limit", "5", "--dir", "d"))
                .isEqualTo(new Command.Audit(Optional.of(Path.of("d")), Optional.of("icfg_1"), Optional.of("u1"), Optional.of(Duration.ofHours(1)), 5));
        assertThatThrownBy(() -> Cli.parse("audit", "--since", "soon")).isInstanceOf(UsageException.class).hasMessageContaining("--since");
        assertThatThrownBy(() -> Cli.parse("audit", "--limit", "0")).isInstanceOf(UsageException.class).hasMessageContaining("--limit");
        assertThatThrownBy(() -> Cli.parse("audit", "--what")).isInstanceOf(UsageException.class);
    }

    @Test
    void theQueryEveryServiceGets() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-31T12:00:00Z"), ZoneOffset.UTC);
        Command.Audit audit = new Command.Audit(Optional.empty(), Optional.of("icfg 1"), Optional.of("u1"), Optional.of(Duration.ofMinutes(90)), 50);
        assertThat(AuditCommand.query(audit, clock)).isEqualTo("?resource_id=icfg+1&actor_id=u1&since=2025-01-31T10%3A30%3A00Z&limit=50");
    }

    @Test
    void theServicesEntriesAreMergedByTimeAndTheNewestKeptOldestFirst() throws Exception {
        List<JsonNode> merged = AuditCommand.merge(List.of(entry("2025-01-31T12:00:00.300Z", "oauth-service", "oauth_integration.disabled"),
                entry("2025-01-31T12:00:00.100Z", "config-service", "configuration.disabled"),
                entry("2025-01-31T12:00:00.200Z", "environment-service", "environment_integration.updated"),
                entry("2025-01-31T11:00:00.000Z", "catalog-service", "integration.created")), 3);
        assertThat(merged).extracting(e -> e.get("service").asText()).containsExactly("config-service", "environment-service", "oauth-service");
    }

    @Test
    void oneLinePerEntry() throws Exception {
        assertThat(AuditCommand.line(entry("2025-01-31T12:00:00.100Z", "config-service", "configuration.disabled"))).isEqualTo(
                "2025-01-31T12:00:00.100Z  config-service      configuration.disabled configuration icfg_1 team team_a by system system "
                        + "(plan_downgrade) request req-1 | disabled_reason: null -> \"account-plan-downgrade\"; "
                        + "secrets.client_secret: \"********\" -> \"********\"");
    }
}
