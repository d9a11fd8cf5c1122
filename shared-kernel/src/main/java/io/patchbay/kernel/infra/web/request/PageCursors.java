package io.patchbay.kernel.infra.web.request;

import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.paging.CursorCodec;

import java.util.List;
import java.util.function.Function;

/** Page cursors in query parameters: {@link CursorCodec} checks the signature, {@code read} turns the parts into a key. */
public final class PageCursors {
    private PageCursors() {
    }

    /**
     * The key in cursor {@code value}, null when absent. A cursor that is not one of ours, or whose parts {@code read}
     * refuses with an {@link IllegalArgumentException} (a NumberFormatException among them), is 400 naming {@code parameter}.
     */
    public static <K> K decode(CursorCodec codec, String value, String parameter, int parts, Function<List<String>, K> read) {
        if (value == null) {
            return null;
        }
        List<String> decoded = codec.decode(value, parameter, parts);
        try {
            return read.apply(decoded);
        } catch (IllegalArgumentException e) {
            throw Problems.validation(parameter, "is not a valid cursor");
        }
    }
}
