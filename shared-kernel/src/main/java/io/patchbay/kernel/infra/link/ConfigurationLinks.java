package io.patchbay.kernel.infra.link;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.retry.exception.CircuitOpenException;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.event.ConfigurationLinkPort;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Links records of a consuming service to config-service configurations: the one capability environment-, oauth- and
 * catalog-service use (shared-kernel README, "Linking a record to a configuration"), as their {@link ConfigurationLinkPort}.
 * <p>
 * {@link #link} asks config-service with the caller's own token (so only configurations the caller may see can be
 * linked): not found or not visible → 422 naming the field; config-service unreachable → 503
 * {@code dependency_unavailable} with {@code Retry-After}, after a bounded retry and never longer than the timeouts allow.
 * Then, in one transaction, it takes the configuration's lock, merges the answer with what the lifecycle events said
 * and runs the caller's write.
 * <p>
 * The per-configuration lock is the row lock on the configuration's {@code configuration_projection} row: the
 * {@link io.patchbay.kernel.infra.inbox.LifecycleInbox} takes the same row lock before it calls the service's handler. So
 * a lifecycle event is either applied before the link reads the projection (the record starts in the event's state), or
 * after the linked record is committed (the handler sees and changes it); never in between.
 */
@Singleton
public class ConfigurationLinks implements ConfigurationLinkPort {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationLinks.class);
    private static final String DISABLED = "disabled";

    private final ConfigServiceGateway gateway;
    private final Provider<Sql> sql;
    private final long retryAfterSeconds;

    /** {@code sql} is looked up on first use: the remote check alone ({@link #require}) needs no database. */
    public ConfigurationLinks(ConfigServiceGateway gateway, Provider<Sql> sql,
                              @Value("${patchbay.config-service.retry-after:5}") long retryAfterSeconds) {
        this.gateway = gateway;
        this.sql = sql;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Links a record to {@code id}: config-service's answer (422 naming {@code field} when the configuration does not
     * exist or is not visible, 503 when config-service is unavailable) merged, under the configuration's lock, with the
     * lifecycle projection (a configuration the events deleted is 422), then {@code write} in the same transaction (it
     * joins the caller's transaction when there is one). {@code write} receives the disable reason the record starts
     * with, empty when the configuration is active.
     * <p>
     * The merge: once an event of the configuration was applied here, the events decide (they are as new as
     * config-service's answer or newer; an event still in flight changes the record when it arrives); before any event,
     * config-service's answer decides.
     */
    @Override
    public <T> T link(ConfigurationId id, String field, Function<Optional<String>, T> write) {
        if (projectedState(id).filter("DELETED"::equals).isPresent()) {
            throw deleted(id, field);
        }
        LinkedConfiguration remote = require(id.value(), field);
        return sql.get().inTransaction(() -> {
            Projection projection = lockProjection(id);
            Optional<String> disabledReason = switch (projection.state()) {
                case "NONE" -> remote.isDisabled() ? Optional.of(reasonOr(remote.disabledReason())) : Optional.empty();
                case "DISABLED" -> Optional.of(reasonOr(projection.reason()));
                case "DELETED" -> throw deleted(id, field);
                default -> Optional.empty();
            };
            return write.apply(disabledReason);
        });
    }

    /** Creates the projection row when missing and locks it until the transaction ends, as the inbox does; its state. */
    private Projection lockProjection(ConfigurationId id) {
        return sql.get().one("INSERT INTO configuration_projection (configuration_id, state, reason, version, updated_at) "
                        + "VALUES (?, 'NONE', NULL, 0, ?) ON CONFLICT (configuration_id) "
                        + "DO UPDATE SET configuration_id = EXCLUDED.configuration_id RETURNING state, reason",
                r -> new Projection(r.getString(1), r.getString(2)), id.value(), Instant.now()).orElseThrow();
    }

    /** The projected state without a lock (a configuration the events deleted is refused before config-service is asked). */
    private Optional<String> projectedState(ConfigurationId id) {
        return sql.get().one("SELECT state FROM configuration_projection WHERE configuration_id = ?", r -> r.getString(1), id.value());
    }

    private record Projection(String state, String reason) {
    }

    private static String reasonOr(String reason) {
        return reason == null ? DISABLED : reason;
    }

    private static RuntimeException deleted(ConfigurationId id, String field) {
        return Problems.unprocessable(field, "configuration " + id + " was deleted");
    }

    /** config-service's answer alone, if the current request's caller may see the configuration (no lock, no projection). */
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
