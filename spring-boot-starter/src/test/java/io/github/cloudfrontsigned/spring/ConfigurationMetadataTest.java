package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.cloudfrontsigned.config.ConfigProperties;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete from ({@code META-INF/spring-configuration-metadata.json}, written by
 * Spring Boot's configuration processor from {@link CloudFrontProperties} and the hand-written additional file)
 * names every property of core's table.
 */
final class ConfigurationMetadataTest {

    private static Set<String> documented() throws IOException {
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "no configuration metadata in the jar");
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> names = new HashSet<>();
            Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"(cloudfront\\.[^\"]+)\"")
                    .matcher(json);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    @Test
    void metadata_namesEveryPropertyOfCoresTable() throws Exception {
        Set<String> documented = documented();
        List<String> missing = new ArrayList<>();
        for (Field f : ConfigProperties.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && !f.getName().equals("PREFIX")) {
                String name = (String) f.get(null);
                if (!name.endsWith(".") && !documented.contains(name)) { // a name ending in . is a prefix
                    missing.add(name);
                }
            }
        }
        assertEquals(List.of(), missing, "add them to additional-spring-configuration-metadata.json");
    }

    @Test
    void metadata_namesTheStartersOwnProperties() throws Exception {
        Set<String> documented = documented();
        for (String name : List.of(
                "cloudfront.filter.url-patterns",
                "cloudfront.filter.order",
                "cloudfront.edge.url-patterns",
                "cloudfront.edge.order")) {
            assertEquals(true, documented.contains(name), name);
        }
    }
}
