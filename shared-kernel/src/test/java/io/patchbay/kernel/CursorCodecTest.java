package io.patchbay.kernel;

import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.paging.CursorCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("a-key-of-sixteen-bytes-or-more".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTrips() {
        String cursor = codec.encode(List.of("1558531915505", "icfg_x"));
        assertThat(codec.decode(cursor, "until", 2)).containsExactly("1558531915505", "icfg_x");
    }

    @Test
    void tamperedTruncatedForeignAndGarbageCursorsAre400NamingTheParameter() {
        String cursor = codec.encode(List.of("1", "a"));
        char last = cursor.charAt(3);
        String tampered = cursor.substring(0, 3) + (last == 'A' ? 'B' : 'A') + cursor.substring(4);
        String foreign = new CursorCodec("another-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8)).encode(List.of("1", "a"));
        for (String bad : List.of(tampered, cursor.substring(0, cursor.length() - 2), foreign, "%%%", "", "AAAA")) {
            assertThatThrownBy(() -> codec.decode(bad, "until", 2))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.kind()).isEqualTo(ErrorKind.VALIDATION_FAILED);
                        assertThat(p.errors()).extracting("field").containsExactly("until");
                    });
        }
        assertThatThrownBy(() -> codec.decode(cursor, "until", 3)).isInstanceOf(ProblemException.class);
    }
}
