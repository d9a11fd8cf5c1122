package io.patchbay.config.domain;

/** Whether a configuration may touch all projects or selected ones. */
public enum ProjectSelection {
    ALL,
    SELECTED;
}
