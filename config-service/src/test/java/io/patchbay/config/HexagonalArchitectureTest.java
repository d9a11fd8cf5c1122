package io.patchbay.config;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rule of architecture.md: domain ← application ← adapters, and adapters never reach each other. */
class HexagonalArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.patchbay.config");
    /** Classes written by hand: Micronaut's generated bean definitions ($…$Definition) are compiled into the same packages. */
    private static final DescribedPredicate<JavaClass> WRITTEN =
            DescribedPredicate.describe("written by hand", c -> !c.getSimpleName().startsWith("$") && !c.getName().contains(".$"));

    @Test
    void domainDependsOnlyOnTheJdkAndKernelContracts() {
        noClasses().that().resideInAPackage("io.patchbay.config.domain..").and(WRITTEN)
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.patchbay.config.domain..",
                        "io.patchbay.kernel.id..", "io.patchbay.kernel.auth..", "io.patchbay.kernel.error..", "io.patchbay.kernel.event..",
                        "io.patchbay.kernel.paging..", "io.patchbay.kernel.secret..")
                .check(CLASSES);
    }

    @Test
    void applicationDependsOnlyOnDomainItsPortsAndInjectionAnnotations() {
        noClasses().that().resideInAPackage("io.patchbay.config.application..").and(WRITTEN)
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.patchbay.config.domain..",
                        "io.patchbay.config.application..", "io.patchbay.kernel.id..", "io.patchbay.kernel.auth..",
                        "io.patchbay.kernel.error..", "io.patchbay.kernel.event..", "io.patchbay.kernel.paging..",
                        "io.patchbay.kernel.secret..", "jakarta.inject..", "jakarta.transaction..")
                .check(CLASSES);
    }

    @Test
    void nothingInsideDependsOnAdapters() {
        noClasses().that().resideInAnyPackage("io.patchbay.config.domain..", "io.patchbay.config.application..")
                .should().dependOnClassesThat().resideInAPackage("io.patchbay.config.adapter..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        slices().matching("io.patchbay.config.adapter.(*).(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void wireDtosStayInTheWebAdapter() {
        noClasses().that().resideOutsideOfPackage("io.patchbay.config.adapter.in.web..")
                .should().dependOnClassesThat().resideInAPackage("io.patchbay.config.adapter.in.web..")
                .check(CLASSES);
    }
}
