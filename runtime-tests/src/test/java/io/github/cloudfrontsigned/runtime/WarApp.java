package io.github.cloudfrontsigned.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A WAR-shaped application directory written by a test: {@code WEB-INF/web.xml}, the private key on the web
 * application's class path, optionally {@code META-INF/microprofile-config.properties}, and
 * {@code WEB-INF/lib/cloudfront-signed-servlet.jar} carrying the library's {@code web-fragment.xml} (its classes come
 * from the test class path, as from a parent class loader).
 */
final class WarApp {

    static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    static final String CDN = "https://cdn.example.com/private/";
    static final String KEY_LOCATION = "classpath:cloudfront/private_key.pem";

    private final Map<String, String> contextParams = new LinkedHashMap<>();
    private final Map<String, String> filterInitParams = new LinkedHashMap<>();
    private final Map<String, String> microProfileConfig = new LinkedHashMap<>();
    private boolean declareFilter;
    private boolean metadataComplete;
    private boolean jaxrs;

    /** The shortest working configuration as context-params. */
    static WarApp contextParamsOnly() {
        return new WarApp()
                .contextParam("cloudfront.key-pair-id", KEY_PAIR_ID)
                .contextParam("cloudfront.private-key.location", KEY_LOCATION)
                .contextParam("cloudfront.protected-prefixes", CDN);
    }

    WarApp contextParam(String name, String value) {
        contextParams.put(name, value);
        return this;
    }

    WarApp microProfileConfig(String name, String value) {
        microProfileConfig.put(name, value);
        return this;
    }

    /** Declares the filter in {@code web.xml} with these init-params. */
    WarApp declaredFilter(Map<String, String> initParams) {
        declareFilter = true;
        filterInitParams.putAll(initParams);
        return this;
    }

    WarApp metadataComplete() {
        metadataComplete = true;
        return this;
    }

    /** Adds Jersey's servlet for {@link SignedApplication} under {@code /api/*}. */
    WarApp jaxrs() {
        jaxrs = true;
        return this;
    }

    /** Writes the application into a new directory. */
    Path write() {
        try {
            Path dir = Files.createTempDirectory("cloudfront-war");
            Path classes = Files.createDirectories(dir.resolve("WEB-INF/classes/cloudfront"));
            Files.writeString(
                    classes.resolve("private_key.pem"),
                    io.github.cloudfrontsigned.TestKeys.pem(io.github.cloudfrontsigned.TestKeys.RSA.getPrivate()));
            if (!microProfileConfig.isEmpty()) {
                Path metaInf = Files.createDirectories(dir.resolve("WEB-INF/classes/META-INF"));
                StringBuilder p = new StringBuilder();
                microProfileConfig.forEach(
                        (k, v) -> p.append(k).append('=').append(v).append('\n'));
                Files.writeString(metaInf.resolve("microprofile-config.properties"), p);
            }
            Path lib = Files.createDirectories(dir.resolve("WEB-INF/lib"));
            try (OutputStream out = Files.newOutputStream(lib.resolve("cloudfront-signed-servlet.jar"));
                    JarOutputStream jar = new JarOutputStream(out);
                    InputStream fragment =
                            WarApp.class.getClassLoader().getResourceAsStream("META-INF/web-fragment.xml")) {
                jar.putNextEntry(new JarEntry("META-INF/web-fragment.xml"));
                fragment.transferTo(jar);
                jar.closeEntry();
            }
            Files.writeString(dir.resolve("WEB-INF/web.xml"), webXml());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String webXml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\" metadata-complete=\""
                + metadataComplete + "\">\n");
        contextParams.forEach((k, v) -> x.append("  <context-param><param-name>")
                .append(k)
                .append("</param-name><param-value>")
                .append(v)
                .append("</param-value></context-param>\n"));
        if (declareFilter) {
            x.append("  <filter><filter-name>cloudfront-declared</filter-name><filter-class>"
                    + "io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter</filter-class>\n"
                    + "    <async-supported>true</async-supported>\n");
            filterInitParams.forEach((k, v) -> x.append("    <init-param><param-name>")
                    .append(k)
                    .append("</param-name><param-value>")
                    .append(v)
                    .append("</param-value></init-param>\n"));
            x.append("  </filter>\n  <filter-mapping><filter-name>cloudfront-declared</filter-name>"
                    + "<url-pattern>/*</url-pattern></filter-mapping>\n");
        }
        servlet(x, "page", PageServlet.class.getName(), "/page");
        servlet(x, "filters", FiltersServlet.class.getName(), "/filters");
        servlet(x, "non-blocking", NonBlockingServlet.class.getName(), "/non-blocking");
        servlet(x, "case", CaseServlet.class.getName(), "/case");
        if (jaxrs) {
            x.append("  <servlet><servlet-name>jaxrs</servlet-name>"
                    + "<servlet-class>org.glassfish.jersey.servlet.ServletContainer</servlet-class>\n"
                    + "    <init-param><param-name>jakarta.ws.rs.Application</param-name><param-value>"
                    + SignedApplication.class.getName() + "</param-value></init-param>\n"
                    + "    <load-on-startup>1</load-on-startup></servlet>\n"
                    + "  <servlet-mapping><servlet-name>jaxrs</servlet-name><url-pattern>/api/*</url-pattern>"
                    + "</servlet-mapping>\n");
        }
        return x.append("</web-app>\n").toString();
    }

    private static void servlet(StringBuilder x, String name, String className, String pattern) {
        x.append("  <servlet><servlet-name>")
                .append(name)
                .append("</servlet-name><servlet-class>")
                .append(className)
                .append(
                        "</servlet-class><async-supported>true</async-supported></servlet>\n  <servlet-mapping><servlet-name>")
                .append(name)
                .append("</servlet-name><url-pattern>")
                .append(pattern)
                .append("</url-pattern></servlet-mapping>\n");
    }
}
