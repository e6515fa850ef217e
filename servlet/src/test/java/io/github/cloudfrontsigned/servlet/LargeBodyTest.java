package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.TestHttp;
import io.github.cloudfrontsigned.testing.TestServer;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A 200 MiB body streams through the filter in bounded memory. Run by its own surefire execution with a small
 * heap ({@code -Xmx64m}, see the pom): if the filter, the rewriter or the container held the body, the server
 * would fail with {@code OutOfMemoryError}. The client reads the body as a stream and never holds it.
 */
final class LargeBodyTest {

    @Test
    void twoHundredMegabyteBody_streamsWithEveryLinkSignedInBoundedHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        try (TestServer server = TestApp.withFilter(HttpSemanticsTest.params())) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/big?mb=200"))
                    .timeout(Duration.ofSeconds(60))
                    .build();
            HttpResponse<InputStream> r = TestHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode());
            long bytes = 0;
            long links = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = r.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '?') {
                            links++; // one '?' per signed link: the signing parameters hold none
                        }
                    }
                }
            }
            long blocks = 200 * 16;
            assertEquals(blocks, links, "every link signed");
            int suffix = (int) ((bytes - blocks * 64 * 1024) / blocks);
            assertEquals(blocks * (64 * 1024 + suffix), bytes, "the same signing suffix on every link");
            assertTrue(suffix > 300, "suffix " + suffix);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            assertTrue(used < maxHeap, "heap " + used);
            assertTrue(
                    maxHeap < 200L * 1024 * 1024 || !Boolean.getBoolean("cloudfront.large-body.strict"),
                    "run with a heap smaller than the body to prove streaming; max heap " + maxHeap);
        }
        assertTrue(new String(TestApp.bigBlock(), StandardCharsets.US_ASCII).endsWith("part.mp4\">x</a>\n"));
    }
}
