package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.AdapterRules;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md's adapter rules on this module's compiled classes ({@link AdapterRules}). */
class JaxrsDependencyRulesTest {

    @Test
    void dependencies_followTheAdapterRules() {
        AdapterRules.check("io.github.cloudfrontsigned.jaxrs");
    }
}
