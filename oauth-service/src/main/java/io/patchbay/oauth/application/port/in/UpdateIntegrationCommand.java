package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.Map;
import java.util.UUID;

/**
 * A partial change: {@code nameGiven}/{@code descriptionGiven} say whether the field was in the body (null then clears it);
 * {@code config} keys replace, {@code null} values remove, absent keys stay.
 */
public record UpdateIntegrationCommand(Caller caller, NamedTeam team, UUID guid, boolean nameGiven, String name, boolean descriptionGiven,
                                       String description, Map<String, Object> config) {
    public UpdateIntegrationCommand {
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }

    @Override
    public String toString() {
        return "UpdateIntegrationCommand[guid=" + guid + ", keys=" + config.keySet() + "]";
    }
}
