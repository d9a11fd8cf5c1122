package io.patchbay.oauth.application;

import java.time.Duration;
import java.util.Objects;

/**
 * The token flows' settings: the service's public base URL (for the login callback and the login URL in messages), how long
 * a started login may take, and how close to expiry a session token is refreshed before it is handed out.
 */
public record OAuthFlowSettings(String publicUrl, Duration loginTimeout, Duration refreshSkew) {
    public OAuthFlowSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (loginTimeout.isNegative() || loginTimeout.isZero() || refreshSkew.isNegative()) {
            throw new IllegalArgumentException("login timeout must be positive, refresh skew not negative");
        }
    }

    public String callbackUrl() {
        return publicUrl + "/__oauth__/integrations/callback";
    }

    public String loginUrl(Object integrationGuid) {
        return publicUrl + "/__oauth__/integrations/" + integrationGuid + "/login";
    }
}
