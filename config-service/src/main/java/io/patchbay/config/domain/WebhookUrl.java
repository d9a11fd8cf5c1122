package io.patchbay.config.domain;

import io.patchbay.kernel.error.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL a delivery is sent to: absolute {@code https} (plain {@code http} only where private targets are allowed, for
 * local receivers), a host, no user info (it would be a credential shown to every member), at most 2048 characters.
 */
public record WebhookUrl(URI uri) {
    public static final int MAX_LENGTH = 2048;

    public static WebhookUrl parse(String value, boolean allowPlainHttp, String field) {
        if (value == null || value.isBlank()) {
            throw new DomainException.InvalidValue(field, "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new DomainException.InvalidValue(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new DomainException.InvalidValue(field, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttp)) {
            throw new DomainException.InvalidValue(field, allowPlainHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new DomainException.InvalidValue(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new DomainException.InvalidValue(field, "must not carry user info");
        }
        if (uri.getRawFragment() != null) {
            throw new DomainException.InvalidValue(field, "must not have a fragment");
        }
        return new WebhookUrl(uri);
    }

    /** The host, without the brackets of an IPv6 literal. */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
