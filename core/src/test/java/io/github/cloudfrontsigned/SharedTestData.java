package io.github.cloudfrontsigned;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * AWS's cross-SDK CloudFront test vectors and keys (from aws/aws-cli, Apache-2.0), committed in this repository
 * under {@value #SOURCE_FOLDER} (see {@code SOURCE.md} there) and read from the test classpath. Nothing is looked
 * up outside the repository, so the tests pass on a fresh clone with nothing beside it. A missing file fails the
 * test that needs it with a message naming the file and where it belongs; tests that need the vectors are never
 * skipped.
 */
public final class SharedTestData {

    /** Where the vectors live in the repository. */
    static final String SOURCE_FOLDER = "core/src/test/resources/aws-shared-cases";
    /** Where they are on the test classpath. */
    static final String RESOURCE_FOLDER = "aws-shared-cases";

    private SharedTestData() {}

    /**
     * A file of the vectors, as a path (the key tests hand it to {@code openssl}).
     *
     * @param name the file name, such as {@code sign-test-cases.json} or {@code test-rsa-key.pem}
     * @return the file on the test classpath (under {@code target/test-classes})
     * @throws IllegalStateException if the file is not on the test classpath, or not a plain file there
     */
    public static Path file(String name) {
        String resource = RESOURCE_FOLDER + "/" + name;
        URL url = SharedTestData.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("AWS's CloudFront test vector file " + name + " is missing: it is not on"
                    + " the test classpath as " + resource + ". It belongs in the repository at " + SOURCE_FOLDER + "/"
                    + name + " (see SOURCE.md there); restore it with `git checkout -- " + SOURCE_FOLDER + "`, then"
                    + " rebuild (mvn -pl core verify copies it to core/target/test-classes)");
        }
        if (!"file".equals(url.getProtocol())) {
            throw new IllegalStateException("AWS's CloudFront test vector file " + resource + " is inside " + url
                    + ", not a plain file; run the tests from the source tree (mvn -pl core verify), where it is "
                    + SOURCE_FOLDER + "/" + name);
        }
        try {
            Path path = Path.of(url.toURI());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("AWS's CloudFront test vector " + path + " is not a regular file;"
                        + " restore " + SOURCE_FOLDER + "/" + name + " with `git checkout -- " + SOURCE_FOLDER + "`");
            }
            return path;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the test classpath URL " + url, e);
        }
    }
}
