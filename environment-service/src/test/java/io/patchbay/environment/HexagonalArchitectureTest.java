package io.patchbay.environment;

import io.patchbay.test.HexagonalRules;
import org.junit.jupiter.api.Test;

/** The dependency rule of architecture.md for environment-service. */
class HexagonalArchitectureTest {
    private static final HexagonalRules RULES = HexagonalRules.of("io.patchbay.environment");

    @Test
    void domainDependsOnlyOnTheJdkAndKernelContracts() {
        RULES.domainDependsOnlyOnTheJdkAndKernelContracts();
    }

    @Test
    void applicationDependsOnlyOnDomainItsPortsAndInjectionAnnotations() {
        RULES.applicationDependsOnlyOnDomainItsPortsAndInjectionAnnotations();
    }

    @Test
    void nothingInsideDependsOnAdapters() {
        RULES.nothingInsideDependsOnAdapters();
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        RULES.adaptersDoNotDependOnEachOther();
    }

    @Test
    void wireDtosStayInTheWebAdapter() {
        RULES.wireDtosStayInTheWebAdapter();
    }
}
