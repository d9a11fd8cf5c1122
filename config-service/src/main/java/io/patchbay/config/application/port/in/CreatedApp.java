package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.App;

/** An app with its client secret: answered only on creation and on rotation. */
public record CreatedApp(App app, String clientSecret) {
}
