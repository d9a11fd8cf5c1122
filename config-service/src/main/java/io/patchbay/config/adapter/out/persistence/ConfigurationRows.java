package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.InstallStatus;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.config.domain.Notification;
import io.patchbay.config.domain.NotificationLevel;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Source;
import io.patchbay.config.domain.WireEnum;
import io.patchbay.kernel.infra.jdbc.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Maps {@code configuration} rows to the domain and back. */
final class ConfigurationRows {
    static final String COLUMNS = "id, integration_id, slug, owner_id, team_id, user_id, scopes, project_selection, projects, source, "
            + "installation_type, status, external_id, notification_level, notification_title, notification_message, notification_href, "
            + "created_at, updated_at, completed_at, disabled_at, disabled_reason, delete_requested_at, customer_delete_requested_at, "
            + "deleted_at, version, created_by, updated_by";

    /** The columns an update writes, in {@link #updateValues} order, then {@code id} and the expected version. */
    static final String UPDATE = "UPDATE configuration SET owner_id = ?, team_id = ?, user_id = ?, scopes = ?, project_selection = ?, "
            + "projects = ?, status = ?, external_id = ?, notification_level = ?, notification_title = ?, notification_message = ?, "
            + "notification_href = ?, updated_at = ?, disabled_at = ?, disabled_reason = ?, delete_requested_at = ?, "
            + "customer_delete_requested_at = ?, deleted_at = ?, version = ?, updated_by = ? WHERE id = ? AND version = ?";

    private ConfigurationRows() {
    }

    static Configuration map(ResultSet r) throws SQLException {
        String level = r.getString("notification_level");
        Notification notification = level == null ? null : new Notification(WireEnum.parse(NotificationLevel.class, level, "notification.level"),
                r.getString("notification_title"), r.getString("notification_message"), r.getString("notification_href"));
        String status = r.getString("status");
        String reason = r.getString("disabled_reason");
        return new Configuration(r.getString("id"), r.getString("integration_id"), r.getString("slug"), r.getString("owner_id"),
                r.getString("team_id"), r.getString("user_id"), Sql.strings(r, "scopes"),
                WireEnum.parse(ProjectSelection.class, r.getString("project_selection"), "projectSelection"), Sql.strings(r, "projects"),
                WireEnum.parse(Source.class, r.getString("source"), "source"),
                WireEnum.parse(InstallationType.class, r.getString("installation_type"), "installationType"),
                status == null ? null : WireEnum.parse(InstallStatus.class, status, "status"), r.getString("external_id"), notification,
                Sql.millis(r, "created_at"), Sql.millis(r, "updated_at"), Sql.millis(r, "completed_at"), Sql.millis(r, "disabled_at"),
                reason == null ? null : WireEnum.parse(DisableReason.class, reason, "disabledReason"), Sql.millis(r, "delete_requested_at"),
                Sql.millis(r, "customer_delete_requested_at"), Sql.millis(r, "deleted_at"), r.getLong("version"),
                r.getString("created_by"), r.getString("updated_by"));
    }

    static Object[] insertValues(Configuration c) {
        Notification n = c.notification();
        return new Object[]{c.id(), c.integrationId(), c.slug(), c.ownerId(), c.teamId(), c.userId(), c.scopes().toArray(String[]::new),
                c.projectSelection().wire(), projects(c), c.source().wire(), c.installationType().wire(), WireEnum.wireOrNull(c.status()), c.externalId(),
                n == null ? null : n.level().wire(), n == null ? null : n.title(), n == null ? null : n.message(),
                n == null ? null : n.href(), instant(c.createdAt()), instant(c.updatedAt()), instant(c.completedAt()),
                instant(c.disabledAt()), WireEnum.wireOrNull(c.disabledReason()), instant(c.deleteRequestedAt()),
                instant(c.customerDeleteRequestedAt()), instant(c.deletedAt()), c.version(), c.createdBy(), c.updatedBy()};
    }

    static Object[] updateValues(Configuration c) {
        Notification n = c.notification();
        return new Object[]{c.ownerId(), c.teamId(), c.userId(), c.scopes().toArray(String[]::new), c.projectSelection().wire(),
                projects(c), WireEnum.wireOrNull(c.status()), c.externalId(), n == null ? null : n.level().wire(), n == null ? null : n.title(),
                n == null ? null : n.message(), n == null ? null : n.href(), instant(c.updatedAt()), instant(c.disabledAt()),
                WireEnum.wireOrNull(c.disabledReason()), instant(c.deleteRequestedAt()), instant(c.customerDeleteRequestedAt()),
                instant(c.deletedAt()), c.version(), c.updatedBy(), c.id(), c.version() - 1};
    }

    private static String[] projects(Configuration c) {
        return c.projects() == null ? null : c.projects().toArray(String[]::new);
    }


    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
