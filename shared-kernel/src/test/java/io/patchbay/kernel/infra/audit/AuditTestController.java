package io.patchbay.kernel.infra.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.Transactional;
import io.patchbay.kernel.audit.AuditCause;
import io.patchbay.kernel.audit.AuditChanges;
import io.patchbay.kernel.audit.AuditContext;
import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.Sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For AuditTrailIT: a "thing" whose secret is rotated by a request (in a table of its own, so a failed request's
 * rollback is visible), and a trigger that changes many things as the system.
 */
@Controller("/audit-things")
@Requires(property = "audit-it", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditTestController {
    private final AuditTrail audit;
    private final Sql sql;

    AuditTestController(AuditTrail audit, Sql sql) {
        this.audit = audit;
        this.sql = sql;
    }

    @Post("/{id}/secret")
    @Transactional
    Map<String, Object> rotate(Caller caller, String id, @QueryValue String secret, @Nullable @QueryValue String team,
                               @Nullable @QueryValue Boolean fail) {
        Map<String, Object> from = sql.one("SELECT secret, name FROM thing WHERE id = ?", r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("secret", r.getString(1));
            row.put("name", r.getString(2));
            return row;
        }, id).orElse(Map.of());
        sql.update("INSERT INTO thing (id, secret, name) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET secret = EXCLUDED.secret", id, secret,
                "thing " + id);
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("secret", secret);
        to.put("name", "thing " + id);
        audit.record(AuditRecord.of("thing.secret_rotated", "thing", id, team, AuditChanges.diff(from, to, Set.of("secret"))));
        if (Boolean.TRUE.equals(fail)) {
            throw Problems.validation("fail", "asked to fail after the change");
        }
        return Map.of("id", id);
    }

    @Post("/bulk")
    @Transactional
    Map<String, Object> bulk(Caller caller, @QueryValue int count, @QueryValue String team) {
        AuditContext.asSystem(AuditCause.trigger("bulk_test"), () -> {
            List<AuditRecord> records = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                records.add(AuditRecord.of("thing.disabled", "thing", "bulk_" + i, team, AuditChanges.of("enabled", true, false)));
            }
            audit.recordAll(records);
        });
        return Map.of("count", count);
    }
}
