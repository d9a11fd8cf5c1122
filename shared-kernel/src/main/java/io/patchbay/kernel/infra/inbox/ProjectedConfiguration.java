package io.patchbay.kernel.infra.inbox;

/** What a consumer knows of a configuration from its events: {@code active}, {@code disabled} (with reason) or {@code deleted}. */
public record ProjectedConfiguration(String configurationId, State state, String reason, long version) {
    public enum State {
        ACTIVE, DISABLED, DELETED
    }
}
