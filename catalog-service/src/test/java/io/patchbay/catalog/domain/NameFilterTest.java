package io.patchbay.catalog.domain;

import io.patchbay.kernel.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Apono's wildcard filter: the SQL LIKE pattern it becomes and the same match in Java (used by the in-memory store). */
class NameFilterTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "*prod*     | %prod%",
        "prod*      | prod%",
        "*prod      | %prod",
        "PROD       | prod",
        "prod_db    | prod\\_db",
        "100%       | 100\\%",
        "a\\b       | a\\\\b",
        "*          | %",
    })
    void becomesAnEscapedLowerCaseLikePattern(String wildcard, String like) {
        assertThat(NameFilter.likePattern(wildcard, "name")).isEqualTo(like);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "*prod*  | Analytics Prod DB | true",
        "*prod*  | staging           | false",
        "prod*   | Prod_DB           | true",
        "prod*   | my prod           | false",
        "*prod   | Analytics Prod    | true",
        "*prod   | prod-db           | false",
        "prod    | PROD              | true",
        "prod    | prod-db           | false",
        "prod_db | ProdXDB           | false",
        "prod_db | Prod_DB           | true",
        "%       | anything          | false",
        "%       | %                 | true",
        "a.c     | abc               | false",
        "*       | x                 | true",
    })
    void matchesLikeTheDatabaseDoes(String wildcard, String value, boolean expected) {
        assertThat(NameFilter.matches(wildcard, value)).isEqualTo(expected);
    }

    @Test
    void anOverlongFilterIsAnInvalidValueNamingTheParameter() {
        assertThatThrownBy(() -> NameFilter.likePattern("x".repeat(201), "type")).isInstanceOfSatisfying(DomainException.InvalidValue.class,
                p -> assertThat(p.violations()).extracting(DomainException.Violation::attribute).containsExactly("type"));
    }
}
