package io.github.cloudfrontsigned;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code shared/testdata/aws-shared-cases} (AWS's cross-SDK test vectors and keys) from any checkout: it walks
 * up from the module directory until a directory has a {@code shared/testdata/aws-shared-cases} child. Fails loudly
 * if there is none; tests that need the shared data are never skipped.
 */
public final class SharedTestData {

    private static final String RELATIVE = "shared/testdata/aws-shared-cases";
    private static final Path DIRECTORY = locate();

    private SharedTestData() {
    }

    /** The {@code aws-shared-cases} directory. */
    static Path directory() {
        return DIRECTORY;
    }

    /** A file in the {@code aws-shared-cases} directory, which must exist. */
    public static Path file(String name) {
        Path file = DIRECTORY.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Shared test data file " + name + " is missing from " + DIRECTORY);
        }
        return file;
    }

    private static Path locate() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        List<Path> tried = new ArrayList<>();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            tried.add(candidate);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the shared test data directory " + RELATIVE
                + " above " + start + "; looked at " + tried);
    }
}
