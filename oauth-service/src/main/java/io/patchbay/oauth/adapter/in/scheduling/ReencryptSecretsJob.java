package io.patchbay.oauth.adapter.in.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.patchbay.oauth.application.port.in.ReencryptSecretsUseCase;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves sealed values to the active key: shortly after start-up and then every {@code patchbay.secrets.reencrypt.interval}.
 * Also runnable once as a command: {@code java -jar oauth-service.jar reencrypt-secrets}.
 */
@Singleton
@Requires(property = "patchbay.secrets.reencrypt.enabled", notEquals = "false")
public class ReencryptSecretsJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReencryptSecretsJob.class);
    private final ReencryptSecretsUseCase useCase;

    ReencryptSecretsJob(ReencryptSecretsUseCase useCase) {
        this.useCase = useCase;
    }

    @Scheduled(initialDelay = "${patchbay.secrets.reencrypt.initial-delay:10s}", fixedDelay = "${patchbay.secrets.reencrypt.interval:1h}")
    public void run() {
        ReencryptSecretsUseCase.Report report = useCase.reencrypt();
        if (report.resealed() > 0 || report.failed() > 0) {
            LOG.info("re-encrypted {} sealed value(s) with the active key; {} could not be opened with any configured key",
                    report.resealed(), report.failed());
        }
    }
}
