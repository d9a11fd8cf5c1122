package io.patchbay.kernel.infra.web;

/**
 * A service's wire field name for a domain attribute (a dotted path) where the two differ; a service without such a
 * bean shows callers the attribute names as they are. The names callers see are part of the wire format.
 */
@FunctionalInterface
public interface WireFieldNames {
    String fieldOf(String attribute);
}
