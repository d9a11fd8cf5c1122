package io.patchbay.config.application.port.out;

import java.net.InetAddress;
import java.util.List;

/** Resolves a webhook's host name, freshly (no cache), so every registration and every connection is checked. */
public interface HostResolver {
    /** The host's addresses; empty when it does not resolve. */
    List<InetAddress> resolve(String host);
}
