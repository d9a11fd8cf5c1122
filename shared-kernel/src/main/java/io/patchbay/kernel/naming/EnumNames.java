package io.patchbay.kernel.naming;

import io.patchbay.kernel.error.Problems;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A service's one table of names for its domain's enums. The domain's constants carry no spelling; whatever leaves or
 * enters the service (the HTTP API, events and webhooks, audit entries, the database's columns) spells them through the
 * table its {@code application/PublishedNames} builds, one exhaustive {@code switch} per enum. Reading a name back, the
 * two sources of a value differ in whose mistake an unknown one is: a request's is the caller's 400 naming the field
 * ({@link #fromRequest}); a stored one's (a database column, a file shipped with the service) is bad data of the
 * service's own, an internal error ({@link #fromStored}). Stored names must stay what existing rows hold: each service
 * pins them in a test.
 */
public final class EnumNames {
    private final Map<Class<?>, Function<Enum<?>, String>> tables;
    /** Per enum, its constants by name: a stored or requested name is read back with one lookup (every row read does). */
    private final Map<Class<?>, Map<String, Enum<?>>> byName;

    private EnumNames(Map<Class<?>, Function<Enum<?>, String>> tables) {
        this.tables = Map.copyOf(tables);
        Map<Class<?>, Map<String, Enum<?>>> reverse = new HashMap<>();
        this.tables.forEach((type, names) -> {
            Map<String, Enum<?>> constants = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                Enum<?> earlier = constants.putIfAbsent(names.apply(value), value);
                if (earlier != null) {
                    throw new IllegalArgumentException(type.getName() + " names " + earlier + " and " + value + " alike: '"
                            + names.apply(value) + "'");
                }
            }
            reverse.put(type, Map.copyOf(constants));
        });
        this.byName = Map.copyOf(reverse);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects one naming function per enum. */
    public static final class Builder {
        private final Map<Class<?>, Function<Enum<?>, String>> tables = new HashMap<>();

        private Builder() {
        }

        /** {@code type}'s constants are named by {@code names} (best an exhaustive switch, so a new constant needs a name). */
        public <E extends Enum<E>> Builder add(Class<E> type, Function<E, String> names) {
            if (tables.putIfAbsent(type, value -> names.apply(type.cast(value))) != null) {
                throw new IllegalArgumentException(type.getName() + " is named twice");
            }
            return this;
        }

        public EnumNames build() {
            return new EnumNames(tables);
        }
    }

    /** The value's published name; null for null. */
    public String name(Enum<?> value) {
        if (value == null) {
            return null;
        }
        Function<Enum<?>, String> table = tables.get(value.getDeclaringClass());
        if (table == null) {
            throw new IllegalArgumentException("no names for " + value.getDeclaringClass().getName());
        }
        return table.apply(value);
    }

    /** The constant of {@code type} named {@code name}, if there is one. */
    public <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
        Map<String, Enum<?>> constants = byName.get(type);
        if (constants == null) {
            throw new IllegalArgumentException("no names for " + type.getName());
        }
        return name == null ? Optional.empty() : Optional.ofNullable(type.cast(constants.get(name)));
    }

    /** The names of {@code type}'s constants, comma separated, in declaration order. */
    public <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(this::name).collect(Collectors.joining(", "));
    }

    /** A request's value: an unknown one is the caller's mistake, a 400 naming {@code field} and the values accepted. */
    public <E extends Enum<E>> E fromRequest(Class<E> type, String name, String field) {
        return find(type, name).orElseThrow(() -> Problems.validation(field, "must be one of " + allowed(type) + ", was '" + name + "'"));
    }

    /** As {@link #fromRequest}, for an API whose values are matched without regard to case (Apono's filters). */
    public <E extends Enum<E>> E fromRequestIgnoringCase(Class<E> type, String name, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> name(e).equalsIgnoreCase(name)).findFirst()
                .orElseGet(() -> fromRequest(type, name, field));
    }

    /** Null stays null (the field was not given); anything else is read {@link #fromRequest}. */
    public <E extends Enum<E>> E fromRequestOrNull(Class<E> type, String name, String field) {
        return name == null ? null : fromRequest(type, name, field);
    }

    /**
     * A stored value, {@code where} naming its place ({@code configuration.source}, {@code templates/github.json kind}):
     * an unknown one is bad data of the service's own (a migration, a manual change or a shipped file gone wrong), never
     * the caller's 400.
     */
    public <E extends Enum<E>> E fromStored(Class<E> type, String name, String where) {
        return find(type, name).orElseThrow(() -> new IllegalStateException(where + " holds '" + name
                + "', which is not a " + type.getSimpleName() + " (one of " + allowed(type) + ")"));
    }

    /** Null stays null (nothing stored); anything else is read {@link #fromStored}. */
    public <E extends Enum<E>> E fromStoredOrNull(Class<E> type, String name, String where) {
        return name == null ? null : fromStored(type, name, where);
    }
}
