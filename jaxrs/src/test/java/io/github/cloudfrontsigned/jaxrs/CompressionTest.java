package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.glassfish.jersey.message.GZipEncoder;
import org.glassfish.jersey.server.filter.EncodingFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With Jersey's {@code EncodingFilter} and {@code GZipEncoder}, links are signed first, then compressed. (An entity
 * the resource compressed itself passes untouched: EntityLinkSigningTest, EncodedEntityReportTest.)
 */
final class CompressionTest {

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(() -> JerseyServer.start(
            Map.of(),
            new CloudFrontSignedFeature(JerseyServer.configuration()),
            EncodingFilter.class,
            GZipEncoder.class));

    static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void gzipEncoder_compressesTheSignedEntity() {
        HttpResponse<byte[]> r = SERVER.get().getBytes("/api/catalog/page", "Accept-Encoding", "gzip");
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null));
        String body = gunzip(r.body());
        List<String> signed = Signatures.signedUrls(body);
        assertEquals(2, signed.size(), body);
        signed.forEach(Signatures::verifyUrl);
        assertEquals(CatalogResource.PAGE, Signatures.unsigned(body));
    }
}
