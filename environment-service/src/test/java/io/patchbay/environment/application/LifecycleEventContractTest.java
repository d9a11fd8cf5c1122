package io.patchbay.environment.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.json.JsonMapper;
import io.patchbay.environment.application.port.in.InstallCommand;
import io.patchbay.environment.application.port.in.CreateIntegrationCommand;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.environment.domain.Lifecycle;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.secret.SecretBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer side of the event contract (events.md): shared-kernel's example of every event type, with the example
 * headers, decodes through the kernel codec and has this service's documented effect on a linked install.
 */
class LifecycleEventContractTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private final LifecycleEventCodec codec = new LifecycleEventCodec(JsonMapper.createDefault());
    private final InMemoryStores stores = new InMemoryStores();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final SecretBox box = SecretBox.ofBase64Key("k1", "cGF0Y2hiYXktZGV2LWtleS1ub3QtZm9yLXByb2QhISE=");
    private final Caller owner = new Caller("u1", List.of(new TeamMembership("team_c", TeamRole.OWNER)), Set.of(), Optional.empty());
    private final InMemoryStores.UseCases useCases = stores.useCases(clock, box);

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = LifecycleEventContractTest.class.getResourceAsStream("/events/" + name)) {
            assertThat(in).as("shared-kernel's events/%s", name).isNotNull();
            return JACKSON.readTree(in);
        }
    }

    private ConfigurationLifecycleEvent decode(LifecycleEventType type) throws IOException {
        JsonNode example = resource(type.resourceName() + ".example.json");
        Map<String, String> headers = new HashMap<>();
        resource("headers.example.json").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        headers.put(LifecycleTopic.CE_TYPE, type.ceType());
        headers.put(LifecycleTopic.CE_SUBJECT, example.get("configurationId").asText());
        return codec.decode(headers, example.toString().getBytes(StandardCharsets.UTF_8)).event();
    }

    /** Two installs linked to the example's configuration: one enabled, one switched off by its team. */
    private List<UUID> linkedInstalls(String configurationId) {
        IntegrationService integrations = useCases.integrations();
        EnvironmentService environments = useCases.environments();
        EnvironmentIntegrationService installs = useCases.installs();
        stores.configurations.put(configurationId, Optional.empty());
        UUID app = integrations.create(owner, new CreateIntegrationCommand(NamedTeam.NONE, "contract-app", "crm", false, Map.of(), Sharing.ALLOW))
                .integration().id();
        UUID on = installs.install(owner, new InstallCommand(app, environments.create(owner, NamedTeam.NONE, "on").id(), true, null, null,
                new ConfigurationId(configurationId))).install().id();
        UUID off = installs.install(owner, new InstallCommand(app, environments.create(owner, NamedTeam.NONE, "off").id(), false, null, null,
                new ConfigurationId(configurationId))).install().id();
        return List.of(on, off);
    }

    @ParameterizedTest
    @EnumSource(LifecycleEventType.class)
    void everyExampleDecodesAndHasItsDocumentedEffect(LifecycleEventType type) throws IOException {
        ConfigurationLifecycleEvent event = decode(type);
        List<UUID> linked = linkedInstalls(event.configurationId());
        UUID on = linked.get(0);
        UUID off = linked.get(1);
        if (type != LifecycleEventType.DISABLED) {
            useCases.lifecycle().apply(List.of(ReceivedLifecycleEvent.of(UUID.randomUUID(), new ConfigurationDisabled(event.configurationId(),
                    event.integrationId(), event.slug(), event.ownerId(), event.teamId(), event.userId(), event.version() - 1, 1, 1,
                    "disabled-by-owner"))));
        }
        useCases.lifecycle().apply(List.of(ReceivedLifecycleEvent.of(UUID.randomUUID(), event)));
        EnvironmentIntegration enabledOne = stores.installs.get(on);
        EnvironmentIntegration disabledOne = stores.installs.get(off);
        switch (type) {
            case DISABLED -> {
                assertThat(enabledOne.lifecycle()).isEqualTo(Lifecycle.DISABLED);
                assertThat(enabledOne.enabled()).isFalse();
                assertThat(enabledOne.disabledReason()).isEqualTo(((ConfigurationDisabled) event).reason());
                assertThat(disabledOne.lifecycle()).isEqualTo(Lifecycle.DISABLED);
            }
            case ENABLED, TRANSFERRED -> {
                assertThat(enabledOne.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
                assertThat(enabledOne.enabled()).as("restored").isTrue();
                assertThat(enabledOne.disabledReason()).isNull();
                assertThat(disabledOne.enabled()).as("restored to its previous value").isFalse();
            }
            case DELETED -> assertThat(stores.installs).doesNotContainKeys(on, off);
        }
    }
}
