package io.github.cloudfrontsigned.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the libraries a WAR carries lets the JDK generate a record's {@code equals}, {@code hashCode} or
 * {@code toString}: on Java 17 those bootstrap through {@code java.lang.runtime.ObjectMethods}, whose shared method
 * handles keep the last record class they were adapted to (JDK-8078641, fixed in Java 18), and with it the class
 * loader of an undeployed web application ({@link RedeployTest} found one that way). Records write the three
 * methods out instead.
 */
final class RecordMethodsTest {

    private static final byte[] OBJECT_METHODS = "java/lang/runtime/ObjectMethods".getBytes(StandardCharsets.US_ASCII);

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static List<String> generatedRecordMethods(Class<?> module) throws Exception {
        Path location = Path.of(
                module.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        try (FileSystem jar = Files.isRegularFile(location) ? FileSystems.newFileSystem(location) : null) {
            Path root = jar == null ? location : jar.getPath("/");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        if (contains(in.readAllBytes(), OBJECT_METHODS)) {
                            found.add(root.relativize(file).toString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Test
    void libraryClasses_haveNoGeneratedRecordMethods() throws Exception {
        for (Class<?> module : List.of(CloudFrontSigner.class, CloudFrontSigningFilter.class, CloudFrontSigned.class)) {
            assertEquals(
                    List.of(),
                    generatedRecordMethods(module),
                    "records of " + module.getPackageName() + " whose equals, hashCode or toString the JDK generates");
        }
    }
}
