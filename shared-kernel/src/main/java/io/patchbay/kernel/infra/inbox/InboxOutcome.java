package io.patchbay.kernel.infra.inbox;

/** What the inbox did with an event. */
public enum InboxOutcome {
    APPLIED, DUPLICATE, STALE
}
