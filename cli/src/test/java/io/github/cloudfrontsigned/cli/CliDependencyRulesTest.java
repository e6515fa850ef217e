package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.AdapterRules;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md's adapter rules on this module's compiled classes ({@link AdapterRules}). */
class CliDependencyRulesTest {

    @Test
    void dependencies_followTheAdapterRules() {
        AdapterRules.check("io.github.cloudfrontsigned.cli");
    }
}
