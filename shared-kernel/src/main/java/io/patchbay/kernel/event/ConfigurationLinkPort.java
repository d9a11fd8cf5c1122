package io.patchbay.kernel.event;

import io.patchbay.kernel.id.ConfigurationId;

import java.util.Optional;
import java.util.function.Function;

/**
 * Links a record of a consuming service to a config-service configuration (implemented once, by the kernel's
 * ConfigurationLinks): 422 naming {@code field} when it does not exist, is not visible to the caller or was deleted, 503
 * when config-service is unavailable; otherwise {@code write} runs in one transaction under the configuration's lock (the
 * lock the lifecycle inbox takes), with the disable reason the record starts with (empty when the configuration is active).
 */
public interface ConfigurationLinkPort {
    <T> T link(ConfigurationId configurationId, String field, Function<Optional<String>, T> write);
}
