package io.github.cloudfrontsigned.runtime;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import io.github.cloudfrontsigned.runtime.war.Api;
import io.github.cloudfrontsigned.runtime.war.CountingKeyStore;
import io.github.cloudfrontsigned.runtime.war.Page;
import io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A WAR as a user builds it: the library and Jersey in {@code WEB-INF/lib} (so the web application's own class
 * loader defines them, and undeploying must let them go), the application's classes (package
 * {@code io.github.cloudfrontsigned.runtime.war}) in {@code WEB-INF/classes}, the configuration in context-params
 * only: the filter is registered by the library's {@code web-fragment.xml}, {@code @CloudFrontSigned} found by
 * Jersey. The private key comes from {@link CountingKeyStore}, which counts its fetches.
 *
 * <p>Deploy it on a Tomcat whose own class loader sees only the container ({@link IsolatedTomcat}), as a real
 * container's does: otherwise the test class path would serve the library too.
 */
final class LibraryWar {

    static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";

    /** Jars of the test class path that a WAR with the library and Jersey carries, by file name prefix. */
    private static final List<String> THIRD_PARTY = List.of(
            "bcprov-",
            "bcpkix-",
            "bcutil-",
            "jersey-",
            "hk2-",
            "aopalliance-repackaged-",
            "jakarta.inject-api-",
            "jakarta.ws.rs-api-",
            "jakarta.validation-api-",
            "javassist-",
            "osgi-resource-locator-");

    private final Path dir;
    private final Path pem;

    private LibraryWar(Path dir, Path pem) {
        this.dir = dir;
        this.pem = pem;
    }

    /** Writes the WAR into a new directory. */
    static LibraryWar write() {
        try {
            Path dir = Files.createTempDirectory("cloudfront-library-war");
            Path keys = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-keys"));
            Path pem = keys.resolve("private_key.pem");
            Files.writeString(pem, TestKeys.pem(TestKeys.RSA.getPrivate()));
            Path lib = Files.createDirectories(dir.resolve("WEB-INF/lib"));
            for (Class<?> module :
                    List.of(CloudFrontSigner.class, CloudFrontSigningFilter.class, CloudFrontSigned.class)) {
                copyOrJar(location(module), lib);
            }
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path jar = Path.of(entry);
                String name = jar.getFileName().toString();
                if (name.endsWith(".jar") && THIRD_PARTY.stream().anyMatch(name::startsWith)) {
                    Files.copy(jar, lib.resolve(name));
                }
            }
            copyPackage(location(Page.class), Page.class.getPackageName(), dir.resolve("WEB-INF/classes"));
            Path services = Files.createDirectories(dir.resolve("WEB-INF/classes/META-INF/services"));
            Files.writeString(
                    services.resolve("io.github.cloudfrontsigned.config.KeyServiceProvider"),
                    CountingKeyStore.class.getName() + "\n");
            Files.writeString(dir.resolve("WEB-INF/web.xml"), webXml(pem));
            return new LibraryWar(dir, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the WAR directory */
    Path dir() {
        return dir;
    }

    /** @return how many times the key was fetched from its store so far */
    long keyFetches() throws IOException {
        return CountingKeyStore.fetches(pem);
    }

    private static String webXml(Path pem) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + param("cloudfront.key-pair-id", KEY_PAIR_ID)
                + param("cloudfront.private-key.location", CountingKeyStore.SCHEME + ":" + pem)
                + param("cloudfront.protected-prefixes", Page.CDN)
                + "  <servlet><servlet-name>page</servlet-name><servlet-class>" + Page.class.getName()
                + "</servlet-class></servlet>\n"
                + "  <servlet-mapping><servlet-name>page</servlet-name><url-pattern>/page</url-pattern>"
                + "</servlet-mapping>\n"
                + "  <servlet><servlet-name>jaxrs</servlet-name>"
                + "<servlet-class>org.glassfish.jersey.servlet.ServletContainer</servlet-class>\n"
                + "    <init-param><param-name>jakarta.ws.rs.Application</param-name><param-value>"
                + Api.class.getName() + "</param-value></init-param>\n"
                + "    <load-on-startup>1</load-on-startup></servlet>\n"
                + "  <servlet-mapping><servlet-name>jaxrs</servlet-name><url-pattern>/api/*</url-pattern>"
                + "</servlet-mapping>\n"
                + "</web-app>\n";
    }

    private static String param(String name, String value) {
        return "  <context-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></context-param>\n";
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a module's jar, or jars its classes directory (a reactor build may give either). */
    private static void copyOrJar(Path location, Path lib) throws IOException {
        if (Files.isRegularFile(location)) {
            Files.copy(location, lib.resolve(location.getFileName()));
            return;
        }
        Path module = location.getParent().getParent(); // <module>/target/classes
        try (OutputStream out = Files.newOutputStream(lib.resolve(module.getFileName() + ".jar"));
                JarOutputStream jar = new JarOutputStream(out);
                Stream<Path> files = Files.walk(location)) {
            List<Path> all =
                    new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
            for (Path file : all) {
                jar.putNextEntry(
                        new JarEntry(location.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
    }

    private static void copyPackage(Path classes, String packageName, Path target) throws IOException {
        Path from = classes.resolve(packageName.replace('.', '/'));
        Path to = Files.createDirectories(target.resolve(packageName.replace('.', '/')));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
