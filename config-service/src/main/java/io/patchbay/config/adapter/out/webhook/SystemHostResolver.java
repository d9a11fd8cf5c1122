package io.patchbay.config.adapter.out.webhook;

import io.patchbay.config.application.port.out.HostResolver;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.List;

/** Resolves with the platform's resolver directly: no JVM cache and no pins, so each check sees what DNS answers now. */
@Singleton
class SystemHostResolver implements HostResolver {
    @Override
    public List<InetAddress> resolve(String host) {
        try {
            InetAddressResolver platform = PinnedAddresses.platform();
            if (platform != null) {
                return platform.lookupByName(host, InetAddressResolver.LookupPolicy.of(
                        InetAddressResolver.LookupPolicy.IPV4 | InetAddressResolver.LookupPolicy.IPV6)).toList();
            }
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
