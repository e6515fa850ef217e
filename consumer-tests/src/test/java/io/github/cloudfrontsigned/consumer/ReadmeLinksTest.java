package io.github.cloudfrontsigned.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md's links within the page (its contents and cross-references) lead to a heading. */
class ReadmeLinksTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\(#([^)]+)\\)");

    @Test
    void everyLinkToASection_namesAHeadingOfTheReadme() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        Set<String> anchors = new HashSet<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && line.startsWith("#")) {
                anchors.add(anchor(line.replaceFirst("^#+\\s*", "")));
            }
        }
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LOCAL_LINK.matcher(lines.get(i));
            while (m.find()) {
                if (!anchors.contains(m.group(1))) {
                    broken.add("README.md:" + (i + 1) + ": #" + m.group(1));
                }
            }
        }
        assertTrue(broken.isEmpty(), "links to no heading:\n" + String.join("\n", broken));
    }

    @Test
    void anchor_isGitHubs() {
        assertEquals("jax-rs-cloudfrontsigned", anchor("JAX-RS: `@CloudFrontSigned`"));
        assertEquals(
                "keys-in-aws-secrets-manager-parameter-store-kms",
                anchor("Keys in AWS: Secrets Manager, Parameter Store, KMS"));
    }

    /** GitHub's heading anchor: lower case, punctuation other than {@code -} and {@code _} dropped, spaces as {@code -}. */
    static String anchor(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
