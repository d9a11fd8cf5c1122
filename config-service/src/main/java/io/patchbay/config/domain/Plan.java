package io.patchbay.config.domain;

/** A team's plan, ordered: hobby < pro < enterprise. */
public enum Plan implements WireEnum {
    HOBBY("hobby"),
    PRO("pro"),
    ENTERPRISE("enterprise");

    private final String wire;

    Plan(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public boolean isBelow(Plan other) {
        return compareTo(other) < 0;
    }
}
