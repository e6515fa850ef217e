package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(CloudFrontSignedFeature.class.getName());
        logger.addHandler(handler);
        try {
            SERVER.get().getBytes("/api/catalog/compressed");
            SERVER.get().getBytes("/api/catalog/compressed");
        } finally {
            logger.removeHandler(handler);
        }
        List<String> messages = records.stream().map(r -> MessageFormat.format(r.getMessage(), r.getParameters()))
                .filter(m -> m.contains("Content-Encoding")).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("Content-Encoding gzip") && messages.get(0).contains("GzipHandler"),
                messages.get(0));
    }
}
