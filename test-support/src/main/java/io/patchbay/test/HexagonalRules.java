package io.patchbay.test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rule of architecture.md, for any service root package: domain ← application ← adapters, adapters
 * never reach each other, wire DTOs stay in the web adapter. Each service's ArchUnit test calls these.
 */
public final class HexagonalRules {
    /** The kernel contracts domain and application code may use (JDK only). */
    public static final String[] KERNEL_CONTRACTS = {"io.patchbay.kernel.id..", "io.patchbay.kernel.auth..", "io.patchbay.kernel.error..",
        "io.patchbay.kernel.event..", "io.patchbay.kernel.paging..", "io.patchbay.kernel.secret..", "io.patchbay.kernel.audit..",
        "io.patchbay.kernel.naming.."};
    /** Classes written by hand: Micronaut's generated bean definitions ($…$Definition) live in the same packages. */
    private static final DescribedPredicate<JavaClass> WRITTEN =
            DescribedPredicate.describe("written by hand", c -> !c.getSimpleName().startsWith("$") && !c.getName().contains(".$"));

    private final String root;
    private final JavaClasses classes;

    private HexagonalRules(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root);
    }

    public static HexagonalRules of(String rootPackage) {
        return new HexagonalRules(rootPackage);
    }

    public void domainDependsOnlyOnTheJdkAndKernelContracts() {
        List<String> allowed = new ArrayList<>(List.of("java..", root + ".domain.."));
        allowed.addAll(List.of(KERNEL_CONTRACTS));
        noClasses().that().resideInAPackage(root + ".domain..").and(WRITTEN)
                .should().dependOnClassesThat().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .check(classes);
    }

    /**
     * The domain names broken rules with the kernel's {@code DomainException}s: the problem+json vocabulary (error kinds and
     * their statuses, field errors, {@code ProblemException} and its factories) and the web adapter's wire names stay at the
     * edge.
     */
    public void domainSpeaksNoWireVocabulary() {
        noClasses().that().resideInAPackage(root + ".domain..").and(WRITTEN)
                .should().dependOnClassesThat().haveFullyQualifiedName("io.patchbay.kernel.error.ProblemException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.patchbay.kernel.error.Problems")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.patchbay.kernel.error.ErrorKind")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.patchbay.kernel.error.FieldError")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "io.patchbay.kernel.infra..")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("WireFields")
                .orShould().dependOnClassesThat().resideInAPackage("io.patchbay.kernel.naming..")
                .check(classes);
        // the spellings of the domain's values live in the application's one table (PublishedNames), not beside them
        noMethods().that().areDeclaredInClassesThat().resideInAPackage(root + ".domain..")
                .should().haveNameMatching("(?i)(from)?wire.*")
                .check(classes);
    }

    public void applicationDependsOnlyOnDomainItsPortsAndInjectionAnnotations() {
        List<String> allowed = new ArrayList<>(List.of("java..", root + ".domain..", root + ".application..", "jakarta.inject..",
                "jakarta.transaction.."));
        allowed.addAll(List.of(KERNEL_CONTRACTS));
        noClasses().that().resideInAPackage(root + ".application..").and(WRITTEN)
                .should().dependOnClassesThat().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .check(classes);
    }

    public void nothingInsideDependsOnAdapters() {
        noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter..")
                .check(classes);
    }

    public void adaptersDoNotDependOnEachOther() {
        slices().matching(root + ".adapter.(*).(*)..").should().notDependOnEachOther().check(classes);
    }

    public void wireDtosStayInTheWebAdapter() {
        noClasses().that().resideOutsideOfPackage(root + ".adapter.in.web..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.in.web..")
                .check(classes);
    }
}
