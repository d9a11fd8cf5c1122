package io.patchbay.kernel.infra.web.request;

/** A list operation's {@code limit} query parameter: {@code byDefault} when absent, else an integer from 1 to {@code max}. */
public record Limit(int byDefault, int max) {
    public Limit {
        if (byDefault < 1 || byDefault > max) {
            throw new IllegalArgumentException("default limit " + byDefault + " outside 1.." + max);
        }
    }

    /** The limit; a value that is not an integer from 1 to {@link #max} is 400 naming {@code limit}. */
    public int parse(String value) {
        return value == null ? byDefault : QueryParams.intIn(value, "limit", 1, max);
    }
}
