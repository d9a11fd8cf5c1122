package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.Map;
import java.util.Objects;

/**
 * Create an integration in the acting team ({@code team}: the team the request names, X-Team-Id, else the caller's only team). {@code config}
 * values are strings, booleans or {@link io.patchbay.oauth.domain.ConfigInput} markers for other JSON types.
 */
public record CreateIntegrationCommand(Caller caller, NamedTeam team, String name, String description, String template,
                                       Map<String, Object> config, String configurationId) {
    public CreateIntegrationCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(template, "template");
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }

    @Override
    public String toString() {
        return "CreateIntegrationCommand[template=" + template + ", keys=" + config.keySet() + "]";
    }
}
