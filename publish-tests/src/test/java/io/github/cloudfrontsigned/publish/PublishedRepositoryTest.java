package io.github.cloudfrontsigned.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a user's build finds in the repository: every {@code mvn verify} deploys the published modules to the file
 * repository {@code target/publish-repository} (see the root pom), and this reads what landed there, as Maven
 * would: the newest snapshot of each artifact through the version's {@code maven-metadata.xml}.
 */
final class PublishedRepositoryTest {

    private static final String GROUP = "io.github.cloudfrontsigned";
    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    private static final Path REPOSITORY =
            Paths.get(System.getProperty("publish.repository", "../target/publish-repository"));

    /** The library modules: what a user depends on, and what the BOM must name. */
    private static final List<String> LIBRARY_MODULES = List.of(
            "cloudfront-signed-core",
            "cloudfront-signed-servlet",
            "cloudfront-signed-jaxrs",
            "cloudfront-signed-aws",
            "cloudfront-signed-cli",
            "cloudfront-signed-spring-boot-starter");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cloudfront-signed-core",
                "cloudfront-signed-servlet",
                "cloudfront-signed-jaxrs",
                "cloudfront-signed-aws",
                "cloudfront-signed-cli",
                "cloudfront-signed-spring-boot-starter"
            })
    void libraryModule_isDeployedWithPomJarSourcesJavadocAndSbom(String artifactId) throws Exception {
        Path jar = file(artifactId, "", "jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.stream().anyMatch(e -> e.getName().endsWith(".class")), jar + " holds classes");
        }
        Path sources = file(artifactId, "-sources", "jar");
        try (ZipFile zip = new ZipFile(sources.toFile())) {
            assertTrue(zip.stream().anyMatch(e -> e.getName().endsWith(".java")), sources + " holds sources");
        }
        Path javadoc = file(artifactId, "-javadoc", "jar");
        try (ZipFile zip = new ZipFile(javadoc.toFile())) {
            assertTrue(zip.getEntry("index.html") != null, javadoc + " holds index.html");
        }
        String sbom = Files.readString(file(artifactId, "-cyclonedx", "json"), StandardCharsets.UTF_8);
        assertTrue(sbom.contains("\"bomFormat\" : \"CycloneDX\""), artifactId + ": a CycloneDX SBOM");
        assertTrue(
                sbom.contains("\"purl\" : \"pkg:maven/" + GROUP + "/" + artifactId + "@" + VERSION),
                artifactId + ": the SBOM describes the module");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cloudfront-signed-core",
                "cloudfront-signed-servlet",
                "cloudfront-signed-jaxrs",
                "cloudfront-signed-aws",
                "cloudfront-signed-cli",
                "cloudfront-signed-spring-boot-starter",
                "cloudfront-signed-bom"
            })
    void publishedPom_standsAlone_withoutParentOrProperties(String artifactId) throws Exception {
        Path pom = file(artifactId, "", "pom");
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        assertFalse(text.contains("<parent>"), pom + ": the parent pom is not published");
        assertFalse(text.contains("${"), pom + ": every property is resolved");
        assertFalse(text.contains("<scope>test</scope>"), pom + ": no test dependency");
        Element project = xml(pom).getDocumentElement();
        for (String element :
                List.of("groupId", "artifactId", "version", "name", "description", "url", "licenses", "scm")) {
            assertEquals(1, children(project, element).size(), pom + ": " + element + " (what Central asks for)");
        }
        for (Element dependency : children(project, "dependencies", "dependency")) {
            assertEquals(1, children(dependency, "version").size(), pom + ": every dependency has its version");
        }
    }

    @Test
    void bom_namesEveryLibraryModule_atThisVersion() throws Exception {
        Element project = xml(file("cloudfront-signed-bom", "", "pom")).getDocumentElement();
        assertEquals("pom", text(project, "packaging"));
        List<String> managed = new ArrayList<>();
        for (Element dependency : children(project, "dependencyManagement", "dependencies", "dependency")) {
            assertEquals(GROUP, text(dependency, "groupId"));
            assertEquals(VERSION, text(dependency, "version"), () -> text(dependency, "artifactId"));
            managed.add(text(dependency, "artifactId"));
        }
        assertEquals(LIBRARY_MODULES, managed);
    }

    @Test
    void cli_isDeployedWithItsDistribution() throws Exception {
        for (String extension : List.of("zip", "tar.gz")) {
            Path archive = file("cloudfront-signed-cli", "-bin", extension);
            assertTrue(Files.size(archive) > 1_000_000, archive + " holds the command's jar");
        }
    }

    /**
     * The file of {@code artifactId}'s newest deployment ({@code classifier} with its leading dash, or empty),
     * asserted to exist.
     */
    private static Path file(String artifactId, String classifier, String extension) throws Exception {
        Path dir =
                REPOSITORY.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(VERSION);
        String version = VERSION;
        if (VERSION.endsWith("-SNAPSHOT")) {
            Path metadata = dir.resolve("maven-metadata.xml");
            assertTrue(Files.isRegularFile(metadata), metadata + ": " + artifactId + " was deployed");
            Element snapshot = children(xml(metadata).getDocumentElement(), "versioning", "snapshot")
                    .get(0);
            version = VERSION.replace("SNAPSHOT", text(snapshot, "timestamp") + "-" + text(snapshot, "buildNumber"));
        }
        Path file = dir.resolve(artifactId + "-" + version + classifier + "." + extension);
        assertTrue(Files.isRegularFile(file), file + " was deployed");
        return file;
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + " cannot be read", e);
        }
    }

    /** The elements at the end of {@code path} below {@code parent}, child by child. */
    private static List<Element> children(Element parent, String... path) {
        List<Element> level = List.of(parent);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                NodeList nodes = e.getChildNodes();
                for (int i = 0; i < nodes.getLength(); i++) {
                    if (nodes.item(i) instanceof Element child
                            && child.getTagName().equals(name)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return level;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), () -> "one <" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0).getTextContent().strip();
    }
}
