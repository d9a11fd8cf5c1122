package io.patchbay.config.domain;

/** A team's plan, ordered: hobby < pro < enterprise. */
public enum Plan {
    HOBBY,
    PRO,
    ENTERPRISE;

    public boolean isBelow(Plan other) {
        return compareTo(other) < 0;
    }
}
