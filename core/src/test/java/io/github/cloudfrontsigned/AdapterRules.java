package io.github.cloudfrontsigned;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The adapters' rules of ARCHITECTURE.md ("Invariants"), for each adapter module's own test to check on its
 * compiled main classes: an adapter (servlet, jaxrs, aws, cli) never imports another, and only the command line
 * uses core's {@code internal} package. Shared through core's test-jar so the rule is written once.
 */
public final class AdapterRules {

    /** Each adapter's package. */
    public static final List<String> ADAPTERS = List.of(
            "io.github.cloudfrontsigned.servlet",
            "io.github.cloudfrontsigned.jaxrs",
            "io.github.cloudfrontsigned.aws",
            "io.github.cloudfrontsigned.cli");

    private AdapterRules() {}

    /**
     * Checks a framework module that sits on one adapter (the Spring Boot starter on the servlet adapter): it
     * imports no other adapter and not core's {@code internal} package.
     *
     * @param module the module's package
     * @param adapter the package of the adapter it sits on (one of {@link #ADAPTERS})
     * @throws AssertionError naming every class that breaks a rule and the dependency that does
     */
    public static void checkFrameworkModule(String module, String adapter) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(module);
        List<String> forbidden = new ArrayList<>();
        for (String a : ADAPTERS) {
            if (!a.equals(adapter)) {
                forbidden.add(a + "..");
            }
        }
        forbidden.add("io.github.cloudfrontsigned.internal..");
        noClasses()
                .that()
                .resideInAPackage(module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden.toArray(new String[0]))
                .as(module + " uses core and " + adapter + " only: no other adapter, not core's internal package")
                .check(classes);
    }

    /**
     * Checks the adapter whose package is {@code adapter} (one of {@link #ADAPTERS}).
     *
     * @throws AssertionError naming every class that breaks a rule and the dependency that does
     */
    public static void check(String adapter) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(adapter);
        List<String> others = new ArrayList<>();
        for (String a : ADAPTERS) {
            if (!a.equals(adapter)) {
                others.add(a + "..");
            }
        }
        noClasses()
                .that()
                .resideInAPackage(adapter + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others.toArray(new String[0]))
                .as("adapter " + adapter + " never imports another adapter")
                .check(classes);
        if (!adapter.endsWith(".cli")) {
            noClasses()
                    .that()
                    .resideInAPackage(adapter + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.github.cloudfrontsigned.internal..")
                    .as("adapter " + adapter + " does not use core's internal package (only the command line may)")
                    .check(classes);
        }
    }
}
