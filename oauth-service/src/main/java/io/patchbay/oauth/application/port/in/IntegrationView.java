package io.patchbay.oauth.application.port.in;

import io.patchbay.oauth.domain.OAuthIntegration;

/** An integration as a caller may see it: {@code contentCount} only for administrators (null otherwise). */
public record IntegrationView(OAuthIntegration integration, Integer contentCount) {
}
