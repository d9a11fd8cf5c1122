package io.patchbay.environment.application.port.out;

import java.util.Map;

/** The size of a config tree written as compact JSON text (UTF-8 bytes), for the 256 KiB limit. */
public interface ConfigSizer {
    long bytes(Map<String, Object> config);
}
