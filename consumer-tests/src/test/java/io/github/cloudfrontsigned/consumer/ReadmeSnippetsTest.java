package io.github.cloudfrontsigned.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md compiles, with the imports it shows, against the library's jars (this
 * test's class path: core, servlet, jaxrs, aws with its AWS SDK clients, the Servlet and JAX-RS APIs).
 *
 * <p>How a block is compiled, the convention README.md follows:
 * <ul>
 *   <li>its {@code import} lines are the compilation unit's imports;</li>
 *   <li>a block that declares a top-level type ({@code class}, {@code interface}, {@code record}, {@code enum}, at the
 *   start of a line, after optional modifiers) is compiled as it is;</li>
 *   <li>any other block is a fragment: its statements become the body of a method;</li>
 *   <li>the names a fragment uses without declaring them are declared, as that method's parameters, in an HTML comment
 *   on the line just before the block, invisible on the rendered page:
 *   {@code <!-- given: jakarta.servlet.http.HttpServletResponse response; String requestUrl -->}.</li>
 * </ul>
 * Each block gets a package of its own ({@code readme.l<line>}), so blocks may declare the same names. A failure names
 * README.md's line.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern GIVEN = Pattern.compile("^<!--\\s*given:(.*)-->\\s*$");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|final|abstract|sealed|static)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

    /** One {@code ```java} block: the README line of its first code line, its lines, and its given names. */
    record Snippet(int firstLine, List<String> lines, String given) {}

    /** A generated compilation unit and, for each of its lines, the README line it came from (0: none). */
    record Unit(Snippet snippet, String packageName, String className, String source, int[] readmeLines) {}

    @Test
    void everyJavaSnippet_compilesWithTheImportsItShows(@TempDir Path classes) throws IOException {
        List<Snippet> snippets = snippets(Files.readAllLines(README, StandardCharsets.UTF_8));
        assertFalse(snippets.isEmpty(), "no ```java block found in " + README.toAbsolutePath());

        List<Unit> units = snippets.stream().map(ReadmeSnippetsTest::unit).toList();
        List<String> errors = compile(units, classes);

        assertTrue(
                errors.isEmpty(),
                errors.size() + " compilation error(s) in README.md's Java snippets:\n" + String.join("\n", errors));
    }

    @Test
    void fragment_isWrappedAsAMethodBodyWithTheGivenNamesAsParameters() {
        Snippet fragment = new Snippet(
                10, List.of("import java.time.Duration;", "", "Duration d = timeout;"), " java.time.Duration timeout ");

        Unit unit = unit(fragment);

        assertTrue(
                unit.source().contains("void snippet(java.time.Duration timeout) throws Exception {"), unit.source());
        int line = unit.source().lines().toList().indexOf("Duration d = timeout;");
        assertEquals(12, unit.readmeLines()[line]);
    }

    @Test
    void brokenSnippet_failsWithItsReadmeLine(@TempDir Path classes) {
        Snippet broken =
                new Snippet(42, List.of("import java.time.Duration;", "", "Duration d = Duration.ofMinuts(5);"), null);

        List<String> errors = compile(List.of(unit(broken)), classes);

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("README.md:44: "), errors.get(0));
    }

    static List<Snippet> snippets(List<String> readme) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).strip().equals("```java")) {
                continue;
            }
            String given = null;
            if (i > 0) {
                Matcher m = GIVEN.matcher(readme.get(i - 1).strip());
                if (m.matches()) {
                    given = m.group(1);
                }
            }
            int first = i + 1;
            int end = first;
            while (end < readme.size() && !readme.get(end).strip().equals("```")) {
                end++;
            }
            if (end == readme.size()) {
                throw new AssertionError("README.md:" + (i + 1) + ": ```java block never closed");
            }
            snippets.add(new Snippet(first + 1, List.copyOf(readme.subList(first, end)), given));
            i = end;
        }
        return snippets;
    }

    static Unit unit(Snippet snippet) {
        String packageName = "readme.l" + snippet.firstLine();
        List<String> out = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        out.add("package " + packageName + ";");
        origin.add(0);
        List<String> body = new ArrayList<>();
        List<Integer> bodyOrigin = new ArrayList<>();
        String typeName = null;
        for (int i = 0; i < snippet.lines().size(); i++) {
            String line = snippet.lines().get(i);
            int readmeLine = snippet.firstLine() + i;
            if (line.startsWith("import ")) {
                out.add(line);
                origin.add(readmeLine);
            } else {
                Matcher type = TYPE_DECLARATION.matcher(line);
                if (typeName == null && type.find()) {
                    typeName = type.group(1);
                }
                body.add(line);
                bodyOrigin.add(readmeLine);
            }
        }
        String className;
        if (typeName != null) {
            className = typeName;
            out.addAll(body);
            origin.addAll(bodyOrigin);
        } else {
            className = "Snippet";
            String parameters = snippet.given() == null
                    ? ""
                    : List.of(snippet.given().split(";")).stream()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .collect(Collectors.joining(", "));
            out.add("class Snippet { void snippet(" + parameters + ") throws Exception {");
            origin.add(0);
            out.addAll(body);
            origin.addAll(bodyOrigin);
            out.add("} }");
            origin.add(0);
        }
        return new Unit(
                snippet,
                packageName,
                className,
                String.join("\n", out) + "\n",
                origin.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Compiles each unit on its own (a syntax error in one block hides nothing in the others); one file manager. */
    static List<String> compile(List<Unit> units, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> options =
                List.of("-proc:none", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"));
        List<String> errors = new ArrayList<>();
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            for (Unit unit : units) {
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                compiler.getTask(null, files, diagnostics, options, null, List.of(new Source(unit)))
                        .call();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        errors.add(readmeLine(unit, d) + ": " + d.getMessage(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private static String readmeLine(Unit unit, Diagnostic<?> d) {
        long line = d.getLineNumber();
        int readme = line > 0 && line <= unit.readmeLines().length ? unit.readmeLines()[(int) line - 1] : 0;
        return "README.md:" + (readme > 0 ? readme : unit.snippet().firstLine() + " (the block starting here)");
    }

    /** A generated compilation unit as the compiler reads it. */
    static final class Source extends SimpleJavaFileObject {
        final Unit unit;

        Source(Unit unit) {
            super(
                    URI.create("string:///" + unit.packageName().replace('.', '/') + "/" + unit.className() + ".java"),
                    Kind.SOURCE);
            this.unit = unit;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return unit.source();
        }
    }
}
