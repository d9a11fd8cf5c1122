package io.patchbay.config.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.config.application.port.out.HostResolver;
import io.patchbay.config.application.port.out.VettedTarget;
import io.patchbay.config.domain.TargetAddresses;
import io.patchbay.config.domain.WebhookUrl;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Outbound safety of webhook URLs, at registration (400 naming the field) and before each connection (the delivery
 * connects only to the addresses checked here, so a name that resolves elsewhere by then — DNS rebinding — gains nothing).
 */
@Singleton
public class TargetGuard {
    static final String PRIVATE = "resolves to a loopback, private, link-local or metadata address";

    private final HostResolver resolver;
    private final WebhookSettings settings;

    public TargetGuard(HostResolver resolver, WebhookSettings settings) {
        this.resolver = resolver;
        this.settings = settings;
    }

    /** A URL fit for registration: well-formed, https (unless private targets are allowed) and resolving to public addresses. */
    public WebhookUrl checkForRegistration(String value, String field) {
        WebhookUrl url = WebhookUrl.parse(value, settings.allowPrivate(), field);
        List<InetAddress> addresses = resolver.resolve(url.host());
        if (addresses.isEmpty()) {
            throw new DomainException.InvalidValue(field, "host '" + url.host() + "' does not resolve");
        }
        if (!settings.allowPrivate() && !TargetAddresses.allPublic(addresses)) {
            throw new DomainException.InvalidValue(field, PRIVATE);
        }
        return url;
    }

    /** The target to connect to now, or why not (the reason is recorded as the attempt's error). */
    public Result vet(String value) {
        WebhookUrl url;
        try {
            url = WebhookUrl.parse(value, settings.allowPrivate(), "url");
        } catch (RuntimeException e) {
            return new Result(Optional.empty(), "refused: the URL is not allowed");
        }
        List<InetAddress> addresses = resolver.resolve(url.host());
        if (addresses.isEmpty()) {
            return new Result(Optional.empty(), "host does not resolve");
        }
        if (!settings.allowPrivate() && !TargetAddresses.allPublic(addresses)) {
            return new Result(Optional.empty(), "refused: host " + PRIVATE);
        }
        return new Result(Optional.of(new VettedTarget(url, addresses)), null);
    }

    public record Result(Optional<VettedTarget> target, String refusal) {
    }
}
