package io.patchbay.kernel.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.context.annotation.Value;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.infra.link.ConfigurationLinks;
import io.patchbay.kernel.infra.link.LinkedConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** For ConfigurationLinksIT: config-service's read endpoint with controlled answers, and a service that links. */
final class LinkTestControllers {
    private LinkTestControllers() {
    }

    @Controller("/v1/integrations/configuration")
    @Requires(property = "links-it.config-service", value = "true")
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class StandInConfigService {
        @Get("/{id}")
        HttpResponse<?> get(Caller caller, @PathVariable String id) throws InterruptedException {
            if (id.contains("slow")) {
                Thread.sleep(3_000);
            }
            if (id.contains("boom")) {
                return HttpResponse.serverError(Map.of("error", "boom"));
            }
            if (id.contains("missing") || !caller.userId().equals("linker")) {
                return HttpResponse.notFound(Map.of("code", "not_found"));
            }
            return HttpResponse.ok(new LinkedConfiguration(id, "team_a", "team_a", "linker", id.contains("off") ? 1L : null,
                    id.contains("off") ? "disabled-by-owner" : null, null));
        }
    }

    @Controller("/link")
    @Requires(property = "links-it.consumer", value = "true")
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class LinkingService {
        private final ConfigurationLinks links;

        LinkingService(ConfigurationLinks links) {
            this.links = links;
        }

        @Get("/{id}")
        LinkedConfiguration link(Caller caller, @PathVariable String id) {
            return links.require(id, "configuration_id");
        }
    }

    /** For ConfigurationLinkLockIT: links through the kernel's locked link and reports, from inside the write, what it saw. */
    @Controller("/locked-link")
    @Requires(property = "links-it.database", value = "true")
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class LockedLinkingService {
        private final ConfigurationLinks links;
        private final String url;
        private final String user;
        private final String password;

        LockedLinkingService(ConfigurationLinks links, @Value("${datasources.default.url}") String url,
                             @Value("${datasources.default.username}") String user, @Value("${datasources.default.password}") String password) {
            this.links = links;
            this.url = url;
            this.user = user;
            this.password = password;
        }

        @Get("/{id}")
        Map<String, Object> link(@PathVariable String id) {
            return links.link(new ConfigurationId(id), "configuration_id",
                    reason -> Map.of("disabled_reason", reason.orElse("none"), "locked_for_others", lockedForOthers(id)));
        }

        /**
         * Whether another transaction must wait for the configuration's projection row: the inbox's own upsert, with a
         * short lock timeout (55P03 when it would wait). A row the link just inserted is invisible to a SELECT … FOR
         * UPDATE elsewhere, but the upsert waits for it.
         */
        private boolean lockedForOthers(String id) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement();
                     PreparedStatement ps = c.prepareStatement("INSERT INTO configuration_projection (configuration_id, state, reason, version, "
                             + "updated_at) VALUES (?, 'NONE', NULL, 0, now()) ON CONFLICT (configuration_id) "
                             + "DO UPDATE SET configuration_id = EXCLUDED.configuration_id")) {
                    st.execute("SET LOCAL lock_timeout = '200ms'");
                    ps.setString(1, id);
                    ps.executeUpdate();
                    return false;
                } catch (SQLException e) {
                    if ("55P03".equals(e.getSQLState())) {
                        return true;
                    }
                    throw e;
                } finally {
                    c.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
