package io.patchbay.test;

import org.junit.jupiter.api.Test;

/**
 * The dependency rule of architecture.md as JUnit tests: a service's {@code HexagonalArchitectureTest} extends this
 * and names its base package.
 */
public abstract class HexagonalArchitectureContract {
    private HexagonalRules rules;

    /** The service's base package, e.g. {@code io.patchbay.config}. */
    protected abstract String basePackage();

    private HexagonalRules rules() {
        if (rules == null) {
            rules = HexagonalRules.of(basePackage());
        }
        return rules;
    }

    @Test
    void domainDependsOnlyOnTheJdkAndKernelContracts() {
        rules().domainDependsOnlyOnTheJdkAndKernelContracts();
    }

    @Test
    void domainSpeaksNoWireVocabulary() {
        rules().domainSpeaksNoWireVocabulary();
    }

    @Test
    void applicationDependsOnlyOnDomainItsPortsAndInjectionAnnotations() {
        rules().applicationDependsOnlyOnDomainItsPortsAndInjectionAnnotations();
    }

    @Test
    void nothingInsideDependsOnAdapters() {
        rules().nothingInsideDependsOnAdapters();
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        rules().adaptersDoNotDependOnEachOther();
    }

    @Test
    void wireDtosStayInTheWebAdapter() {
        rules().wireDtosStayInTheWebAdapter();
    }
}
