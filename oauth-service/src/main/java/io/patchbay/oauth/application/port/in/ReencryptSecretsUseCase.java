package io.patchbay.oauth.application.port.in;

/** Moves every sealed value (client secrets, session tokens) to the active encryption key. */
public interface ReencryptSecretsUseCase {
    record Report(int resealed, int failed) {
    }

    Report reencrypt();
}
