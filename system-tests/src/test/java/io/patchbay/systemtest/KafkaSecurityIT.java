package io.patchbay.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.infra.auth.TokenMinter;
import io.patchbay.test.Api;
import io.patchbay.test.SecureKafka;
import io.patchbay.test.TestInfra;
import io.patchbay.test.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * config-service and environment-service as processes on a Kafka that only speaks SASL_SSL (SCRAM-SHA-512, a CA and
 * broker certificate made by the test), configured by nothing but the PATCHBAY_KAFKA_* variables of operations.md.
 * environment-service starts with a password the broker does not know: readiness is DOWN with a log line naming the
 * cause, while configurations are disabled and a poison record is sent. Once the broker accepts its password it
 * recovers by itself: every disable arrives, the poison record reaches the dead-letter topic, nothing is lost.
 */
class KafkaSecurityIT {
    private static final int CONFIGURATIONS = 10;
    private static final TokenMinter TOKENS = TokenMinter.dev();

    private final TestInfra infra = TestInfra.get();
    private final SecureKafka kafka = SecureKafka.start();
    private final List<Process> processes = new ArrayList<>();

    /** Kept after the run (target/ of this module) so a failure can be read. */
    private final Path logs = Path.of("target", "kafka-security-it-" + System.currentTimeMillis());

    @BeforeEach
    void logs() throws java.io.IOException {
        Files.createDirectories(logs);
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void theLifecycleTravelsOverSaslSslAndAWrongPasswordIsReportedThenRecoveredWithoutLoss() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String configUser = "config-" + suffix;
        String configPassword = "cfg-" + UUID.randomUUID();
        String environmentUser = "environment-" + suffix;
        String environmentPassword = "env-" + UUID.randomUUID();
        kafka.createUser(configUser, configPassword);
        kafka.createUser(environmentUser, "not-what-the-service-has-" + UUID.randomUUID());

        String configDb = infra.newDatabase("sasl_config");
        String environmentDb = infra.newDatabase("sasl_environment");
        Platform.Instance config = start("config-service", configDb, kafka.environment(configUser, configPassword), Map.of());
        Api configApi = new Api(URI.create(config.url()));
        await("config-service ready over SASL_SSL").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> configApi.get("/health/readiness", null).status() == 200);

        Platform.Instance environment = start("environment-service", environmentDb, kafka.environment(environmentUser, environmentPassword),
                Map.of("PATCHBAY_CONFIG_SERVICE_URL", config.url()));
        Api envApi = new Api(URI.create(environment.url()));
        long up = System.nanoTime();
        await("readiness DOWN with a wrong Kafka password").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> envApi.get("/health/readiness", null).status() == 503);
        System.out.printf("BENCHMARK sasl-wrong-password readinessDownAfterStartMillis=%d%n", (System.nanoTime() - up) / 1_000_000);
        Path environmentLog = logs.resolve("environment-service.log");
        await("a log line naming the cause").atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(environmentLog).contains("Authentication failed"));

        String admin = TOKENS.mint("admin", List.of(), List.of("admin"), null, Duration.ofHours(1));
        String team = "team_sasl" + suffix;
        String owner = TOKENS.mint("owner_" + suffix, List.of(new TeamMembership(team, TeamRole.OWNER)), List.of(), null, Duration.ofHours(1));
        expect(configApi.post("/v1/integrations/apps", admin, "{\"slug\":\"sasl-" + suffix + "\",\"name\":\"SASL\",\"scopes\":[\"read:project\"]}"), 201);
        String integration = expect(envApi.post("/integration", owner, "{\"name\":\"sasl-" + suffix + "\",\"category\":\"helpdesk\","
                + "\"config\":{\"base_url\":\"https://example.com\"}}"), 201).get("id").asText();
        List<String> installs = new ArrayList<>();
        List<String> configurations = new ArrayList<>();
        for (int i = 0; i < CONFIGURATIONS; i++) {
            String configuration = expect(configApi.post("/v1/integrations/configurations", owner,
                    "{\"integrationIdOrSlug\":\"sasl-" + suffix + "\"}"), 201).get("id").asText();
            String env = expect(envApi.post("/environment", owner, "{\"name\":\"env-" + i + "\"}"), 201).get("id").asText();
            installs.add(expect(envApi.post("/environment-integration", owner, "{\"integration_id\":\"" + integration + "\","
                    + "\"environment_id\":\"" + env + "\",\"configuration_id\":\"" + configuration + "\"}"), 201).get("id").asText());
            configurations.add(configuration);
        }
        for (String configuration : configurations) {
            expect(configApi.post("/v1/integrations/configuration/" + configuration + "/disable", owner,
                    "{\"reason\":\"disabled-by-owner\"}"), 200);
        }
        String poisonKey = "icfg_poison" + suffix;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(configUser, configPassword),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(LifecycleTopic.NAME, poisonKey, "{oops".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(LifecycleTopic.CE_SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        assertThat(installs).allSatisfy(id -> assertThat(envApi.get("/environment-integration/" + id, owner).json()
                .get("lifecycle").asText()).as("nothing applied while the broker refuses the consumer").isNotEqualTo("disabled"));
        assertThat(envApi.get("/health/readiness", null).status()).isEqualTo(503);

        long fixed = System.nanoTime();
        kafka.changePassword(environmentUser, environmentPassword);
        await("readiness UP once the broker accepts the password").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> envApi.get("/health/readiness", null).status() == 200);
        await("the backlog arrives").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(installs).allSatisfy(id -> assertThat(envApi.get("/environment-integration/" + id, owner).json()
                        .get("lifecycle").asText()).isEqualTo("disabled")));
        System.out.printf("BENCHMARK sasl-recovered backlogAppliedAfterFixMillis=%d configurations=%d%n",
                (System.nanoTime() - fixed) / 1_000_000, CONFIGURATIONS);
        await("the poison record on the dead-letter topic").atMost(Duration.ofSeconds(60)).until(() ->
                !TopicReader.read(kafka.clientProperties(configUser, configPassword), LifecycleTopic.DEAD_LETTER,
                        r -> poisonKey.equals(r.key())).isEmpty());
        assertThat(inboxRows(environmentDb, configurations)).as("one applied inbox row per disable").isEqualTo(CONFIGURATIONS);

        for (Path log : List.of(environmentLog, logs.resolve("config-service.log"))) {
            String text = Files.readString(log);
            assertThat(text).as(log + " names no password").doesNotContain(environmentPassword).doesNotContain(configPassword);
        }
    }

    private Platform.Instance start(String service, String jdbcUrl, Map<String, String> kafkaEnv, Map<String, String> extra) {
        int port = Launcher.freePort();
        Map<String, String> env = new HashMap<>(kafkaEnv);
        env.putAll(extra);
        env.putAll(Map.of("PATCHBAY_HTTP_PORT", Integer.toString(port), "PATCHBAY_DB_URL", jdbcUrl,
                "PATCHBAY_DB_USER", infra.user(), "PATCHBAY_DB_PASSWORD", infra.password(), "PATCHBAY_TOPIC_PARTITIONS", "3"));
        Process process = Platform.startService(service, env, logs.resolve(service + ".log"));
        processes.add(process);
        Platform.Instance instance = new Platform.Instance(service, port, process);
        Platform.awaitStarted(instance);
        return instance;
    }

    private long inboxRows(String jdbcUrl, List<String> configurations) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
             var st = c.prepareStatement("SELECT count(*) FROM inbox_event WHERE outcome = 'applied' AND configuration_id = ANY(?)")) {
            st.setArray(1, c.createArrayOf("text", configurations.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonNode expect(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }
}
