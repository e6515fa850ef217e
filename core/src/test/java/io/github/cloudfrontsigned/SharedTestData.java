package io.github.cloudfrontsigned;
// TEMPORARY: replaced by the keys branch.
import java.nio.file.*;
final class SharedTestData {
    static Path file(String name) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("shared/testdata/aws-shared-cases");
            if (Files.isDirectory(p)) return p.resolve(name);
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/testdata/aws-shared-cases not found");
    }
}
