package io.patchbay.kernel.naming;

import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnumNamesTest {
    enum Colour { DARK_RED, BLUE }

    enum Unnamed { X }

    private final EnumNames names = EnumNames.builder()
            .add(Colour.class, c -> switch (c) {
                case DARK_RED -> "dark-red";
                case BLUE -> "blue";
            })
            .build();

    @Test
    void namesAndReadsBackThroughTheTable() {
        assertThat(names.name(Colour.DARK_RED)).isEqualTo("dark-red");
        assertThat(names.name(null)).isNull();
        assertThat(names.find(Colour.class, "blue")).contains(Colour.BLUE);
        assertThat(names.find(Colour.class, "BLUE")).isEmpty();
        assertThat(names.allowed(Colour.class)).isEqualTo("dark-red, blue");
        assertThat(names.fromRequest(Colour.class, "dark-red", "colour")).isEqualTo(Colour.DARK_RED);
        assertThat(names.fromRequestOrNull(Colour.class, null, "colour")).isNull();
        assertThat(names.fromRequestIgnoringCase(Colour.class, "Dark-RED", "colour")).isEqualTo(Colour.DARK_RED);
        assertThatThrownBy(() -> names.fromRequest(Colour.class, "Dark-RED", "colour")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> names.fromRequestIgnoringCase(Colour.class, "red", "colour")).isInstanceOf(ProblemException.class);
        assertThat(names.fromStoredOrNull(Colour.class, null, "paint.colour")).isNull();
        assertThatThrownBy(() -> names.name(Unnamed.X)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unnamed");
        assertThatThrownBy(() -> EnumNames.builder().add(Colour.class, c -> "x").add(Colour.class, c -> "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named twice");
        assertThatThrownBy(() -> names.find(Unnamed.class, "X")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unnamed");
    }

    @Test
    void twoConstantsOfOneNameCannotBeReadBackSoTheTableIsRefused() {
        assertThatThrownBy(() -> EnumNames.builder().add(Colour.class, c -> "same").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'same'");
    }

    @Test
    void anUnknownRequestValueIsTheCallersMistakeAndAnUnknownColumnValueIsBadData() {
        assertThatThrownBy(() -> names.fromRequest(Colour.class, "green", "colour"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.kind()).isEqualTo(ErrorKind.VALIDATION_FAILED);
                    assertThat(p.errors()).singleElement().satisfies(e -> {
                        assertThat(e.field()).isEqualTo("colour");
                        assertThat(e.message()).isEqualTo("must be one of dark-red, blue, was 'green'");
                    });
                });
        assertThatThrownBy(() -> names.fromStored(Colour.class, "green", "paint.colour"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("paint.colour").hasMessageContaining("green");
    }
}
