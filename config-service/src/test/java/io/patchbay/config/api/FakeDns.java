package io.patchbay.config.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.patchbay.config.application.port.out.HostResolver;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook host resolver port, swapped in by tests that set {@code test.fake-dns=true}: names the test maps answer what
 * it says (and may change their answer, as a rebinding DNS server does); other names resolve as usual.
 */
@Singleton
@Replaces(HostResolver.class)
@Requires(property = "test.fake-dns", value = "true")
public class FakeDns implements HostResolver {
    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();

    public void answer(String host, String... addresses) {
        answers.put(host, java.util.Arrays.stream(addresses).map(FakeDns::parse).toList());
    }

    @Override
    public List<InetAddress> resolve(String host) {
        List<InetAddress> fixed = answers.get(host);
        if (fixed != null) {
            return fixed;
        }
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
