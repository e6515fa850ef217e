package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An entity that arrives with a {@code Content-Encoding} passes unsigned (EntityLinkSigningTest checks the bytes);
 * the first one is reported with the remedy for compression set up by a filter. Its own server: the report is
 * made once per application.
 */
final class EncodedEntityReportTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.jersey();

    @Test
    void encodedEntity_isReportedOnce_namingTheEncodingAndTheRemedy() {
        List<String> messages = LogCapture.messages(LogCapture.logged(CloudFrontSignedFeature.class, () -> {
                    SERVER.get().getBytes("/api/catalog/compressed");
                    SERVER.get().getBytes("/api/catalog/compressed");
                }))
                .stream()
                .filter(m -> m.contains("Content-Encoding"))
                .toList();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(
                messages.get(0).contains("Content-Encoding gzip")
                        && messages.get(0).contains("GzipHandler"),
                messages.get(0));
    }
}
