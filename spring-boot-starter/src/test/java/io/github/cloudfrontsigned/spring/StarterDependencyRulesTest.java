package io.github.cloudfrontsigned.spring;

import io.github.cloudfrontsigned.AdapterRules;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md's module rules on the starter's compiled classes ({@link AdapterRules}). */
class StarterDependencyRulesTest {

    @Test
    void dependencies_areCoreAndTheServletAdapterOnly() {
        AdapterRules.checkFrameworkModule("io.github.cloudfrontsigned.spring", "io.github.cloudfrontsigned.servlet");
    }
}
