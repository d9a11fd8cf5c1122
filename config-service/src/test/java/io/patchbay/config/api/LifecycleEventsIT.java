package io.patchbay.config.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.test.Api;
import io.patchbay.test.TestInfra;
import io.patchbay.test.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The events config-service publishes for lifecycle changes made through its API, as consumers see them on Kafka. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleEventsIT implements TestPropertyProvider {
    static final String TEAM = "team_eventsAcme";
    static final ObjectMapper JSON = new ObjectMapper();
    final String owner = Tokens.token("evOwner", TEAM, TeamRole.OWNER);
    final TestInfra infra = TestInfra.get();

    @Inject
    EmbeddedServer server;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(new TestDatabase("config_events").serviceProperties());
        props.put("patchbay.outbox.poll-interval", "200ms");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"ev-app\",\"name\":\"Ev\",\"scopes\":[\"read:project\"],\"requiredPlan\":\"pro\"}");
        api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"plan\":\"pro\"}");
        api.send("PUT", "/v1/teams/" + TEAM + "/members/evOwner", owner, "{\"role\":\"OWNER\"}");
        api.send("PUT", "/v1/teams/" + TEAM + "/members/evDev", owner, "{\"role\":\"DEVELOPER\"}");
    }

    private List<ConsumerRecord<String, byte[]>> eventsOf(String id) {
        return TopicReader.read(infra.kafkaBootstrap(), LifecycleTopic.NAME, r -> id.equals(r.key()));
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void everyLifecycleChangeIsPublishedInOrderWithCloudEventsHeadersAndValidPayloads() throws Exception {
        String dev = Tokens.token("evDev", TEAM, TeamRole.DEVELOPER);
        String id = api.post("/v1/integrations/configurations", dev, "{\"integrationIdOrSlug\":\"ev-app\"}").json().get("id").asText();
        String path = "/v1/integrations/configuration/" + id;
        assertThat(api.post(path + "/disable", dev, null).status()).isEqualTo(200);
        assertThat(api.post(path + "/disable", dev, null).status()).isEqualTo(200);
        assertThat(api.post(path + "/enable", dev, null).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"plan\":\"hobby\"}").status()).isEqualTo(200);
        assertThat(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"plan\":\"pro\"}").status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/v1/teams/" + TEAM + "/members/evDev", owner, null).status()).isEqualTo(204);
        assertThat(api.post(path + "/transfer", owner, "{\"userId\":\"evOwner\"}").status()).isEqualTo(200);
        assertThat(api.send("DELETE", path, owner, null).status()).isEqualTo(204);
        assertThat(api.send("DELETE", path, owner, null).status()).isEqualTo(204);

        List<String> expected = List.of("disabled", "enabled", "disabled", "enabled", "disabled", "transferred", "deleted");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(expected.size()));
        List<ConsumerRecord<String, byte[]>> records = eventsOf(id);
        long version = 1;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            String type = header(r, LifecycleTopic.CE_TYPE);
            assertThat(type).isEqualTo("io.patchbay.configuration." + expected.get(i) + ".v1");
            assertThat(header(r, LifecycleTopic.CE_SPECVERSION)).isEqualTo("1.0");
            assertThat(header(r, LifecycleTopic.CE_SOURCE)).isEqualTo("/config-service");
            assertThat(header(r, LifecycleTopic.CE_SUBJECT)).isEqualTo(id);
            assertThat(header(r, LifecycleTopic.CE_ID)).matches("[0-9a-f-]{36}");
            assertThat(header(r, LifecycleTopic.CE_TIME)).endsWith("Z");
            assertThat(header(r, LifecycleTopic.CONTENT_TYPE)).isEqualTo("application/json");
            JsonNode payload = JSON.readTree(r.value());
            assertThat(schema(LifecycleEventType.fromCeType(type).orElseThrow()).validate(payload)).isEmpty();
            assertThat(payload.get("version").asLong()).isGreaterThan(version);
            version = payload.get("version").asLong();
        }
        assertThat(JSON.readTree(records.get(2).value()).get("reason").asText()).isEqualTo("account-plan-downgrade");
        assertThat(JSON.readTree(records.get(4).value()).get("reason").asText()).isEqualTo("original-owner-left-the-team");
        JsonNode transferred = JSON.readTree(records.get(5).value());
        assertThat(transferred.get("previousUserId").asText()).isEqualTo("evDev");
        assertThat(transferred.get("userId").asText()).isEqualTo("evOwner");
    }

    static JsonSchema schema(LifecycleEventType type) throws Exception {
        try (InputStream in = LifecycleEventsIT.class.getResourceAsStream("/events/" + type.resourceName() + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
    }
}
