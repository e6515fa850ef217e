package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.rewrite.LinkRewriter;
import io.github.cloudfrontsigned.rewrite.LinkSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Per-response work done once: a response's links are signed with one snapshot of the clock, the expiry and the
 * active key, taken at its first link, however many links it holds. Counted with a counting {@link Clock} and a
 * counting {@link PrivateKeyProvider} (the active key is looked up through it), never timed.
 */
final class PerResponseSnapshotTest {

    private static final int LINKS = 50;
    private static final String PREFIX = "https://d111111abcdef8.cloudfront.net/private/";
    private static final LinkRewriter REWRITER =
            LinkRewriter.builder().protectedPrefix(PREFIX).build();

    /** A fixed instant that counts how often it is read. */
    private static final class CountingClock extends Clock {
        final AtomicInteger reads = new AtomicInteger();
        volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A key source that counts how often the signer asks it for the current key. */
    private static final class CountingKeys implements PrivateKeyProvider {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public PrivateKey privateKey() {
            lookups.incrementAndGet();
            return TestKeys.RSA.getPrivate();
        }

        @Override
        public String description() {
            return "counting test key";
        }
    }

    private final CountingClock clock = new CountingClock();
    private final CountingKeys keys = new CountingKeys();
    private final CloudFrontSigner signer = CloudFrontSigner.builder()
            .key("K2JCJMDEHXQW5F", keys)
            .key("KNEXT", TestKeys.EC.getPrivate())
            .clock(clock)
            .expiryGranularity(Duration.ofMinutes(5))
            .build();
    private final LinkSigner links = signer.linkSigner(Duration.ofMinutes(10));

    /** A page with {@value #LINKS} distinct protected links. */
    private static String page() {
        StringBuilder page = new StringBuilder("<html><body>\n");
        for (int i = 0; i < LINKS; i++) {
            page.append("<img src=\"").append(PREFIX).append("img/").append(i).append(".jpg\">\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static String respond(String body, LinkSigner signer) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", "https", signer)) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    private void resetCounts() {
        clock.reads.set(0);
        keys.lookups.set(0);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void linkSigner_readsTheClockAndLooksUpTheKeyOncePerResponse_withEveryLinkSignedFresh() throws IOException {
        resetCounts();
        String signed = respond(page(), links);
        assertEquals(LINKS, count(signed, "Key-Pair-Id=K2JCJMDEHXQW5F"));
        assertEquals(1, clock.reads.get(), "clock reads for one response of " + LINKS + " links");
        assertEquals(1, keys.lookups.get(), "active key lookups for one response of " + LINKS + " links");
    }

    @Test
    void linkSigner_readsTheClockAndLooksUpTheKeyOncePerResponse_withEveryLinkRemembered() throws IOException {
        String first = respond(page(), links);
        resetCounts();
        assertEquals(first, respond(page(), links));
        assertEquals(1, clock.reads.get());
        assertEquals(1, keys.lookups.get());
    }

    @Test
    void linkSigner_takesNoSnapshotForAResponseWithoutLinks() throws IOException {
        resetCounts();
        respond("<html><body>" + "no protected link here ".repeat(1000) + "</body></html>", links);
        assertEquals(0, clock.reads.get());
        assertEquals(0, keys.lookups.get());
    }

    @Test
    void linkSigner_takesANewSnapshotAfterAFlush() throws IOException {
        String page = page();
        int half = page.indexOf("<img", page.length() / 2);
        resetCounts();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", "https", links)) {
            out.write(page.substring(0, half).getBytes(StandardCharsets.UTF_8));
            out.flush();
            clock.now = clock.now.plus(Duration.ofHours(1)); // a long-lived response: later links get later expiries
            out.write(page.substring(half).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, clock.reads.get());
        String signed = sink.toString(StandardCharsets.UTF_8);
        long early = Instant.parse("2026-11-22T10:10:00Z").getEpochSecond();
        long late = Instant.parse("2026-11-22T11:10:00Z").getEpochSecond();
        assertEquals(LINKS, count(signed, "Expires=" + early) + count(signed, "Expires=" + late));
        assertTrue(count(signed, "Expires=" + late) > 0, signed);
    }

    @Test
    void linkSigner_writerPath_readsTheClockOncePerResponse() throws IOException {
        resetCounts();
        StringWriter sink = new StringWriter();
        try (Writer out = REWRITER.wrap(sink, "text/html", "https", links)) {
            out.write(page());
        }
        assertEquals(LINKS, count(sink.toString(), "Signature="));
        assertEquals(1, clock.reads.get());
        assertEquals(1, keys.lookups.get());
    }

    @Test
    void linkSigner_signsEachResponseWithTheKeyActiveAtItsStart() throws IOException {
        String before = respond(page(), links);
        LinkSigner response = links.forResponse();
        response.signingParameters(PREFIX + "a.jpg");
        signer.activate("KNEXT");
        String after = respond(page(), links);
        assertEquals(LINKS, count(before, "Key-Pair-Id=K2JCJMDEHXQW5F"));
        assertEquals(LINKS, count(after, "Key-Pair-Id=KNEXT"), "the next response signs with the new key");
        assertTrue(
                response.signingParameters(PREFIX + "b.jpg").endsWith("Key-Pair-Id=K2JCJMDEHXQW5F"),
                "a response already under way keeps its key");
    }

    @Test
    void linkSigner_perResponse_answersExactlyWhatTheSignerAnswersAtItsStart() {
        LinkSigner response = links.forResponse();
        Policy tenMinutes = Policy.builder().expiresIn(Duration.ofMinutes(10)).build();
        for (int i = 0; i < LINKS; i++) {
            String url = PREFIX + "img/" + i + ".jpg";
            assertEquals(signer.signingParameters(url, tenMinutes), response.signingParameters(url));
        }
    }

    @Test
    void policyLinkSigner_readsTheClockOncePerResponse() throws IOException {
        LinkSigner bound = signer.linkSigner(Policy.builder()
                .expiresIn(Duration.ofMinutes(10))
                .ipAddress("192.0.2.7")
                .build());
        resetCounts();
        String signed = respond(page(), bound);
        assertEquals(LINKS, count(signed, "Policy="));
        assertEquals(1, clock.reads.get());
        assertEquals(1, keys.lookups.get());
    }
}
