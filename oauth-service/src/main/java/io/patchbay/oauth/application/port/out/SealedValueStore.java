package io.patchbay.oauth.application.port.out;

import java.util.List;

/** Sealed values not yet under the active key, for re-encryption; replacements are compare-and-set on the old value. */
public interface SealedValueStore {
    record SealedSecret(long integrationId, String name, String sealed) {
        @Override
        public String toString() {
            return "SealedSecret[" + integrationId + "/" + name + "]";
        }
    }

    record SealedSession(long id, String accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "SealedSession[" + id + "]";
        }
    }

    /** Secrets whose key id is not {@code keyId}, after ({@code afterIntegrationId}, {@code afterName}) in key order. */
    List<SealedSecret> secretsNotUnder(String keyId, long afterIntegrationId, String afterName, int limit);

    boolean replaceSecret(SealedSecret old, String resealed, String keyId);

    List<SealedSession> sessionsNotUnder(String keyId, long afterId, int limit);

    boolean replaceSession(SealedSession old, String accessToken, String refreshToken, String keyId);
}
