package io.patchbay.oauth.application;

import io.patchbay.kernel.audit.AuditCause;
import io.patchbay.kernel.audit.AuditContext;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.in.ReencryptSecretsUseCase;
import io.patchbay.oauth.application.port.out.SealedValueStore;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Re-encrypts every sealed value that is not under the active key (after PATCHBAY_ENCRYPTION_KEY changed and the old key
 * moved to PATCHBAY_ENCRYPTION_OLD_KEYS), in key-ordered batches; each replacement is compare-and-set, so a concurrent
 * change (a secret rotated by PATCH meanwhile) wins. A value no configured key opens is counted as failed and skipped.
 */
@Singleton
public class ReencryptSecretsService implements ReencryptSecretsUseCase {
    private final SealedValueStore store;
    private final AuditedWrites writes;
    private final SecretBox box;
    private final int batchSize;

    public ReencryptSecretsService(SealedValueStore store, AuditedWrites writes, SecretBox box, ReencryptSettings settings) {
        this.store = store;
        this.writes = writes;
        this.box = box;
        this.batchSize = settings.batchSize();
    }

    @Override
    public Report reencrypt() {
        return AuditContext.asSystem(AuditCause.trigger(OAuthAudit.REENCRYPTION), this::run);
    }

    private Report run() {
        String active = box.activeKeyId();
        int resealed = 0;
        int failed = 0;
        long afterId = 0;
        String afterName = "";
        while (true) {
            List<SealedValueStore.SealedSecret> batch = store.secretsNotUnder(active, afterId, afterName, batchSize);
            for (SealedValueStore.SealedSecret s : batch) {
                try {
                    if (writes.replaceSecret(s, box.reseal(s.sealed()), active)) {
                        resealed++;
                    }
                } catch (IllegalArgumentException e) {
                    failed++;
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            afterId = batch.getLast().integrationId();
            afterName = batch.getLast().name();
        }
        long afterSession = 0;
        while (true) {
            List<SealedValueStore.SealedSession> batch = store.sessionsNotUnder(active, afterSession, batchSize);
            for (SealedValueStore.SealedSession s : batch) {
                try {
                    String refresh = s.refreshToken() == null ? null : box.reseal(s.refreshToken());
                    if (writes.replaceSession(s, box.reseal(s.accessToken()), refresh, active)) {
                        resealed++;
                    }
                } catch (IllegalArgumentException e) {
                    failed++;
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            afterSession = batch.getLast().id();
        }
        return new Report(resealed, failed);
    }
}
