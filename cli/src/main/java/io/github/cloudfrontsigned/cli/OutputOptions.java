package io.github.cloudfrontsigned.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.verify.CredentialSource;
import io.github.cloudfrontsigned.verify.SignedRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --output text|json}, shared by {@code sign}, {@code sign-cookies}, {@code verify} and {@code inspect}.
 * JSON is one object on one line, its field names documented in the README ("JSON output") and stable: fields
 * may be added, none renamed or removed. Times are written twice: epoch seconds ({@code expires}) and ISO-8601 UTC
 * ({@code expiresAt}); an absent value is {@code null}.
 */
final class OutputOptions {

    /** The output formats. */
    enum Format {
        text,
        json
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "text|json",
            defaultValue = "text",
            description = "text (the default, for people) or json (one object on one line, for scripts; field names"
                    + " in the README).")
    Format format = Format.text;

    /** Whether JSON was asked for. */
    boolean json() {
        return format == Format.json;
    }

    /** Writes one JSON object to {@code out} (and a newline); {@code body} writes its fields. */
    static void writeJson(PrintWriter out, JsonBody body) {
        try (JsonGenerator g = new JsonFactory()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON output: " + e.getMessage(), e);
        }
        out.println();
        out.flush();
    }

    /** Writes a time as {@code <name>} (epoch seconds) and {@code <name>At} (ISO-8601), or both {@code null}. */
    static void writeTime(JsonGenerator g, String name, Instant time) throws IOException {
        if (time == null) {
            g.writeNullField(name);
            g.writeNullField(name + "At");
        } else {
            g.writeNumberField(name, time.getEpochSecond());
            g.writeStringField(name + "At", time.toString());
        }
    }

    /**
     * The signature fields of a signed URL or signed cookies: {@code source} ({@code url} or {@code cookies}),
     * {@code policy} ({@code canned} or {@code custom}), {@code keyPairId}, {@code hashAlgorithm}, {@code resource},
     * {@code expires}/{@code expiresAt} (DateLessThan), {@code notBefore}/{@code notBeforeAt} (DateGreaterThan) and
     * {@code ipAddress}.
     */
    static void writeSignature(
            JsonGenerator g,
            CredentialSource source,
            boolean canned,
            String keyPairId,
            HashAlgorithm hash,
            String resource,
            Instant expires,
            Instant notBefore,
            String ipAddress)
            throws IOException {
        g.writeStringField("source", source == null ? null : source.name().toLowerCase(Locale.ROOT));
        g.writeStringField("policy", canned ? "canned" : "custom");
        g.writeStringField("keyPairId", keyPairId);
        g.writeStringField("hashAlgorithm", hash == null ? null : hash.name());
        g.writeStringField("resource", resource);
        writeTime(g, "expires", expires);
        writeTime(g, "notBefore", notBefore);
        g.writeStringField("ipAddress", ipAddress);
    }

    /** {@link #writeSignature} for what a request carries (unverified). */
    static void writeSignature(JsonGenerator g, SignedRequest s) throws IOException {
        writeSignature(
                g,
                s.source(),
                s.isCannedPolicy(),
                s.keyPairId(),
                s.hashAlgorithm(),
                s.resource(),
                s.dateLessThan(),
                s.dateGreaterThan(),
                s.ipAddress());
    }

    /** The fields of one JSON object. */
    @FunctionalInterface
    interface JsonBody {
        /**
         * @param g the generator, inside the object
         * @throws IOException if writing fails
         */
        void write(JsonGenerator g) throws IOException;
    }
}
