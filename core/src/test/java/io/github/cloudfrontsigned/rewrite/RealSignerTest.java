package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/** The rewriter with the project's signer: each link, as the browser decodes it, is the AWS SDK's signed URL. */
final class RealSignerTest {

    @Test
    void rewrittenLinks_areTheSdksSignedUrls() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        Instant expires = now.plusSeconds(3600);
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", pair.getPrivate())
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
        LinkSigner linkSigner = url -> signer.signingParameters(url, Policy.canned(url, expires));

        String page = "<a id=a href=\"https://cdn.example.com/private/a b.mp4?x=1&amp;y=%C3%A9#t=3\">a</a>"
                + "<img id=b src='//cdn.example.com/private/caf\u00e9.jpg'>";
        Document doc = Jsoup.parse(LinkRewriterTest.REWRITER.rewrite(page, "text/html", "https", linkSigner));

        CloudFrontUtilities sdk = CloudFrontUtilities.create();
        String a = sdk.getSignedUrlWithCannedPolicy(
                        r -> r.resourceUrl("https://cdn.example.com/private/a" + "%20b.mp4?x=1&y=%C3%A9")
                                .privateKey(pair.getPrivate())
                                .keyPairId("K2JCJMDEHXQW5F")
                                .expirationDate(expires))
                .url();
        String b = sdk.getSignedUrlWithCannedPolicy(r -> r.resourceUrl("https://cdn.example.com/private/caf%C3%A9.jpg")
                        .privateKey(pair.getPrivate())
                        .keyPairId("K2JCJMDEHXQW5F")
                        .expirationDate(expires))
                .url();
        assertEquals(a.replace("%20", " ") + "#t=3", doc.getElementById("a").attr("href"));
        assertEquals(
                b.substring("https:".length()).replace("caf%C3%A9", "caf\u00e9"),
                doc.getElementById("b").attr("src"));
    }
}
