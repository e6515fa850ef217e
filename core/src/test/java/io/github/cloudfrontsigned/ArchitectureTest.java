package io.github.cloudfrontsigned;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core package rules of ARCHITECTURE.md ("Core packages", column "may depend on"), read from the compiled
 * classes: each package depends only on the packages listed for it, the packages form no cycle, and core
 * imports neither {@code jakarta.*} nor the AWS SDK. A change that breaks one fails the build; change the table
 * here and in ARCHITECTURE.md together.
 */
@AnalyzeClasses(packages = "io.github.cloudfrontsigned", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "io.github.cloudfrontsigned";
    static final String KEY = ROOT + ".key";
    static final String VERIFY = ROOT + ".verify";
    static final String CONFIG = ROOT + ".config";
    static final String REQUEST = ROOT + ".request";
    static final String REWRITE = ROOT + ".rewrite";
    static final String INTERNAL = ROOT + ".internal";
    static final String METRICS = ROOT + ".metrics";

    /**
     * Which core packages each core package may depend on (besides itself, the JDK and its libraries), lowest
     * first. One exception, public API since the start: {@code key} uses the root's
     * {@link CloudFrontSignedException} (the base of {@code KeyLoadingException}) and {@link HashAlgorithm}
     * ({@code RemoteSigner.sign}'s parameter), while the root's signer takes {@code key}'s types; see
     * {@link #KEY_MAY_USE_FROM_ROOT}.
     */
    static final Map<String, Set<String>> MAY_DEPEND_ON = mayDependOn();

    /** The root's types that {@code key} may use: the two the public API has always tied it to. */
    static final Set<String> KEY_MAY_USE_FROM_ROOT =
            Set.of(CloudFrontSignedException.class.getName(), HashAlgorithm.class.getName());

    private static Map<String, Set<String>> mayDependOn() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put(INTERNAL, Set.of());
        m.put(REWRITE, Set.of(INTERNAL));
        m.put(KEY, Set.of(INTERNAL));
        m.put(ROOT, Set.of(KEY, REWRITE, INTERNAL));
        m.put(VERIFY, Set.of(ROOT, KEY, INTERNAL));
        m.put(REQUEST, Set.of(ROOT, VERIFY, REWRITE, INTERNAL));
        m.put(METRICS, Set.of(ROOT, KEY, VERIFY, INTERNAL));
        m.put(CONFIG, Set.of(ROOT, KEY, VERIFY, REWRITE, REQUEST, METRICS, INTERNAL));
        return m;
    }

    @ArchTest
    static final ArchRule core_packages_form_no_cycle = slices().assignedFrom(byCorePackage())
            .should()
            .beFreeOfCycles()
            .ignoreDependency(inPackage(KEY), namedIn(KEY_MAY_USE_FROM_ROOT))
            .as("core packages form no cycle (key's use of the root's CloudFrontSignedException and HashAlgorithm"
                    + " aside)");

    @ArchTest
    static final ArchRule each_core_package_depends_only_on_the_packages_it_may = layering();

    @ArchTest
    static final ArchRule every_core_package_has_a_rule = classes()
            .that()
            .resideInAPackage(ROOT + "..")
            .should()
            .resideInAnyPackage(MAY_DEPEND_ON.keySet().toArray(String[]::new))
            .as("every core package is in the table of what it may depend on (a new package gets a row)");

    @ArchTest
    static final ArchRule core_imports_no_jakarta_and_no_aws_sdk = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta..", "javax.servlet..", "javax.ws.rs..", "software.amazon.awssdk..")
            .as("core imports no jakarta.* and no AWS SDK (the adapters and the aws module do)");

    private static ArchRule layering() {
        List<ArchRule> rules = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : MAY_DEPEND_ON.entrySet()) {
            String p = e.getKey();
            Set<String> allowed = e.getValue();
            DescribedPredicate<JavaClass> forbidden = DescribedPredicate.describe(
                    "are in a core package other than " + (allowed.isEmpty() ? "its own" : String.join(", ", allowed))
                            + (p.equals(KEY)
                                    ? " (or the root's " + String.join(", ", KEY_MAY_USE_FROM_ROOT) + ")"
                                    : ""),
                    c -> MAY_DEPEND_ON.containsKey(c.getPackageName())
                            && !c.getPackageName().equals(p)
                            && !allowed.contains(c.getPackageName())
                            && !(p.equals(KEY) && KEY_MAY_USE_FROM_ROOT.contains(c.getName())));
            rules.add(noClasses()
                    .that()
                    .resideInAPackage(p)
                    .should()
                    .dependOnClassesThat(forbidden)
                    .as("package " + p + " depends only on "
                            + (allowed.isEmpty() ? "the JDK and its libraries" : String.join(", ", allowed))));
        }
        return CompositeArchRule.of(rules)
                .as("each core package depends only on the packages ARCHITECTURE.md" + " lets it");
    }

    private static SliceAssignment byCorePackage() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return MAY_DEPEND_ON.containsKey(c.getPackageName())
                        ? SliceIdentifier.of(c.getPackageName())
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "core packages";
            }
        };
    }

    private static DescribedPredicate<JavaClass> inPackage(String p) {
        return DescribedPredicate.describe("in " + p, c -> c.getPackageName().equals(p));
    }

    private static DescribedPredicate<JavaClass> namedIn(Set<String> names) {
        return DescribedPredicate.describe("one of " + names, c -> names.contains(c.getName()));
    }
}
