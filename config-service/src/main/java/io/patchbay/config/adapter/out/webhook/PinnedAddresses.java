package io.patchbay.config.adapter.out.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The JVM's host name resolver (installed through {@code META-INF/services/java.net.spi.InetAddressResolverProvider}): the
 * platform's own resolver for every name, except a webhook host while a delivery to it is being sent, which resolves to
 * the addresses that were checked for that delivery and to nothing else. So the JDK HttpClient, which resolves the host
 * itself, connects only to a vetted address: a name that answers with a public address at the check and a private one a
 * moment later (DNS rebinding) cannot reach the private one.
 */
public final class PinnedAddresses extends InetAddressResolverProvider {
    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();
    private static volatile InetAddressResolver builtin;

    private record Pin(List<InetAddress> addresses, int holders) {
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver platform = configuration.builtinResolver();
        builtin = platform;
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Pin pin = PINS.get(key(host));
                if (pin != null) {
                    return pin.addresses().stream();
                }
                return platform.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return platform.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "patchbay-webhook-pins";
    }

    /** True once the JVM resolves names through this provider. */
    static boolean installed() {
        InetAddress.getLoopbackAddress();
        try {
            InetAddress.getByName("localhost");
        } catch (UnknownHostException e) {
            // the provider was consulted all the same
        }
        return builtin != null;
    }

    /** The platform resolver, fresh (no JVM cache, no pins); null when this provider is not installed. */
    static InetAddressResolver platform() {
        return builtin;
    }

    /** While the returned handle is open, {@code host} resolves to {@code addresses} only. */
    static AutoCloseable pin(String host, List<InetAddress> addresses) {
        String key = key(host);
        List<InetAddress> copy = List.copyOf(addresses);
        PINS.compute(key, (k, old) -> old == null ? new Pin(copy, 1)
                : new Pin(Stream.concat(old.addresses().stream(), copy.stream()).distinct().toList(), old.holders() + 1));
        return () -> PINS.computeIfPresent(key, (k, old) -> old.holders() <= 1 ? null : new Pin(old.addresses(), old.holders() - 1));
    }

    private static String key(String host) {
        return host.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return name() + Arrays.toString(PINS.keySet().toArray());
    }
}
