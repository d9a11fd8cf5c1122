package io.patchbay.kernel.error;

import java.util.List;
import java.util.Objects;

/**
 * A rule of the domain that an operation broke, named in the domain's words: what was not found, which fact conflicts,
 * which attribute has an invalid value, what the actor may not do. It carries no transport vocabulary; the web edge
 * (shared-kernel's problem rendering, with a service's attribute-to-field names) decides the status and the body the
 * caller sees.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.InvalidValue, DomainException.NotPermitted {

    private DomainException(String message) {
        super(message, null, false, false);
    }

    /** Something the operation needs does not exist (or is not visible to the actor). */
    public static final class NotFound extends DomainException {
        private final String what;

        public NotFound(String what) {
            super(what + " not found");
            this.what = Objects.requireNonNull(what);
        }

        public String what() {
            return what;
        }
    }

    /** The operation contradicts the current state; {@code fact} says which fact stands in its way. */
    public static final class Conflict extends DomainException {
        public Conflict(String fact) {
            super(Objects.requireNonNull(fact));
        }

        public String fact() {
            return getMessage();
        }
    }

    /** The actor is not permitted to do this. */
    public static final class NotPermitted extends DomainException {
        public NotPermitted(String reason) {
            super(Objects.requireNonNull(reason));
        }

        public String reason() {
            return getMessage();
        }
    }

    /** One or more attributes have values the domain does not accept. */
    public static final class InvalidValue extends DomainException {
        private final List<Violation> violations;

        public InvalidValue(String attribute, String reason) {
            this(List.of(new Violation(attribute, reason)));
        }

        public InvalidValue(List<Violation> violations) {
            super(describe(violations));
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }

        private static String describe(List<Violation> violations) {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid value names at least one violation");
            }
            return violations.size() == 1 ? violations.getFirst().attribute() + ": " + violations.getFirst().reason()
                    : violations.size() + " attributes are invalid";
        }
    }

    /** One attribute (a dotted path in the domain's names) and why its value is not accepted. */
    public record Violation(String attribute, String reason) {
        public Violation {
            Objects.requireNonNull(attribute);
            Objects.requireNonNull(reason);
        }
    }
}
