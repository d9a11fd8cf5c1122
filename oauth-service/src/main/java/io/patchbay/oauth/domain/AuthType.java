package io.patchbay.oauth.domain;

/** Posit's {@code auth_type}: who the tokens act for. */
public enum AuthType {
    VIEWER, SERVICE_ACCOUNT
}
