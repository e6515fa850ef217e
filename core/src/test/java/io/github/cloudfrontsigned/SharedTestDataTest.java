package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** AWS's test vectors come from this repository, unmodified, and a missing one says what is missing. */
final class SharedTestDataTest {

    @Test
    void file_isReadFromInsideThisModule() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
        Path file = SharedTestData.file("sign-test-cases.json").toAbsolutePath().normalize();
        assertTrue(
                file.startsWith(module),
                file + " is outside the module " + module
                        + ": tests must pass on a fresh clone with nothing beside it");
    }

    @Test
    void file_missingNamesTheFileAndWhereItBelongs() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SharedTestData.file("no-such-vectors.json"));
        assertTrue(e.getMessage().contains("no-such-vectors.json"), e.getMessage());
        assertTrue(
                e.getMessage().contains("core/src/test/resources/aws-shared-cases/no-such-vectors.json"),
                e.getMessage());
        assertTrue(e.getMessage().contains("git checkout -- core/src/test/resources/aws-shared-cases"), e.getMessage());
    }

    @Test
    void copy_matchesTheChecksumsRecordedWhenItWasTaken() throws Exception {
        String readme = Files.readString(SharedTestData.file("README.md"));
        Matcher row = Pattern.compile("(?m)^\\| ([\\w.-]+) \\| (\\d+) \\| [0-9a-f]{40} \\| ([0-9a-f]{64}) \\|$")
                .matcher(readme);
        Map<String, String> expected = new LinkedHashMap<>();
        while (row.find()) {
            expected.put(row.group(1), row.group(2) + " bytes, sha256 " + row.group(3));
        }
        assertEquals(9, expected.size(), "the README's integrity table lists the 2 JSON files and 7 keys");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            byte[] bytes = Files.readAllBytes(SharedTestData.file(e.getKey()));
            String actual = bytes.length + " bytes, sha256 "
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(e.getValue(), actual, e.getKey());
        }
    }
}
