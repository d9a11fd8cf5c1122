package io.patchbay.config;

import io.patchbay.test.HexagonalRules;
import org.junit.jupiter.api.Test;

/** The dependency rule of architecture.md for config-service. */
class HexagonalArchitectureTest {
    private static final HexagonalRules RULES = HexagonalRules.of("io.patchbay.config");

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
