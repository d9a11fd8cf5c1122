package io.patchbay.kernel.infra.web;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.FieldError;
import io.patchbay.kernel.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DomainProblemsTest {
    @Test
    void eachBrokenRuleHasItsStatusAndCode() {
        assertProblem(new DomainException.NotFound("integration x"), 404, "not_found", "integration x not found");
        assertProblem(new DomainException.Conflict("the install is not waiting for approval"), 409, "conflict",
                "the install is not waiting for approval");
        assertProblem(new DomainException.NotPermitted("only an admin may do this"), 403, "forbidden", "only an admin may do this");
    }

    @Test
    void invalidValuesNameTheirFields() {
        ProblemException one = ProblemResponses.problemOf(new DomainException.InvalidValue("config.port", "must be a number"));
        assertThat(ProblemStatus.of(one.kind())).isEqualTo(400);
        assertThat(one.code()).isEqualTo("validation_failed");
        assertThat(one.detail()).isEqualTo("config.port: must be a number");
        assertThat(one.errors()).containsExactly(new FieldError("config.port", "must be a number"));

        ProblemException two = ProblemResponses.problemOf(new DomainException.InvalidValue(List.of(
                new DomainException.Violation("name", "is required"), new DomainException.Violation("type", "is unknown"))));
        assertThat(two.detail()).isEqualTo("2 fields are invalid");
        assertThat(two.errors()).extracting(FieldError::field).containsExactly("name", "type");
    }

    @Test
    void everyKindHasOneStatusAndTheFrameworksStatusesFindTheirKind() {
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(ProblemStatus.kindFor(ProblemStatus.of(kind))).isEqualTo(kind);
        }
        assertThat(ProblemStatus.kindFor(502)).isEqualTo(ErrorKind.INTERNAL);
    }

    private static void assertProblem(DomainException error, int status, String code, String detail) {
        ProblemException problem = ProblemResponses.problemOf(error);
        assertThat(ProblemStatus.of(problem.kind())).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.detail()).isEqualTo(detail);
        assertThat(problem.errors()).isEmpty();
    }
}
