package io.patchbay.environment.domain;

/** Who may install an integration into another team's environment. */
public enum Sharing {
    ALLOW, ASK, DENY
}
