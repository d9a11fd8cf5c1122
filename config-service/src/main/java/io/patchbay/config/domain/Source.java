package io.patchbay.config.domain;

/** Where a configuration was installed from. */
public enum Source {
    MARKETPLACE,
    DEPLOY_BUTTON,
    EXTERNAL,
    V0,
    CLI,
    OAUTH,
    BACKOFFICE;
}
