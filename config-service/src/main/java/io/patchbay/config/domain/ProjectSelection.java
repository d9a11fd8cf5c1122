package io.patchbay.config.domain;

/** Whether a configuration may touch all projects or selected ones. */
public enum ProjectSelection implements WireEnum {
    ALL("all"),
    SELECTED("selected");

    private final String wire;

    ProjectSelection(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
