package io.patchbay.kernel.infra.link;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.retry.exception.CircuitOpenException;
import io.patchbay.kernel.error.Problems;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Checks a {@code configuration_id} a caller wants to link a record to, by asking config-service with the caller's own
 * token (so only configurations the caller may see can be linked). Not found or not visible → 422 naming the field;
 * config-service unreachable → 503 {@code dependency_unavailable} with {@code Retry-After}, after a bounded retry and
 * never longer than the timeouts allow.
 */
@Singleton
public class ConfigurationLinks {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationLinks.class);

    private final ConfigServiceGateway gateway;
    private final long retryAfterSeconds;

    public ConfigurationLinks(ConfigServiceGateway gateway, @Value("${patchbay.config-service.retry-after:5}") long retryAfterSeconds) {
        this.gateway = gateway;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The configuration, if the current request's caller may see it. */
    public LinkedConfiguration require(String configurationId, String field) {
        String authorization = ServerRequestContext.currentRequest().map(ConfigurationLinks::bearer)
                .orElseThrow(() -> new IllegalStateException("configuration links are checked inside a request"));
        try {
            return gateway.find(configurationId, authorization)
                    .orElseThrow(() -> Problems.unprocessable(field, "configuration " + configurationId + " does not exist or is not visible to you"));
        } catch (ConfigServiceUnavailableException | CircuitOpenException e) {
            LOG.warn("config-service unavailable while checking {}: {}", configurationId, e.getMessage());
            throw Problems.dependencyUnavailable("config-service is unavailable; the link to " + configurationId
                    + " could not be checked. Retry later.", retryAfterSeconds);
        }
    }

    /** config-service takes Bearer tokens; a {@code Key <jwt>} caller (oauth-service) is forwarded as Bearer. */
    private static String bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw new IllegalStateException("an authenticated request has an Authorization header");
        }
        int space = header.indexOf(' ');
        String scheme = space > 0 ? header.substring(0, space).toLowerCase(Locale.ROOT) : "";
        return scheme.equals("key") ? "Bearer " + header.substring(space + 1).trim() : header;
    }
}
