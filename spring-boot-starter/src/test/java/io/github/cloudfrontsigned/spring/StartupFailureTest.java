package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.spring.app.MediaApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A misconfiguration stops the application, and Spring Boot's report says which property, its value and the fix. */
@ExtendWith(OutputCaptureExtension.class)
final class StartupFailureTest {

    private static final String PEM = TestKeys.pem(TestKeys.RSA.getPrivate());

    private static void start(String... properties) {
        assertThrows(
                RuntimeException.class,
                () -> new SpringApplicationBuilder(MediaApp.class)
                        .web(WebApplicationType.NONE)
                        .properties(properties)
                        .run()
                        .close());
    }

    @Test
    void badProperty_failsStartupWithPropertyValueAndFix(CapturedOutput output) {
        start(
                "cloudfront.key-pair-id=K2JCJMDEHXQW5F",
                "cloudfront.private-key=" + PEM.replace("\n", "\\n"),
                "cloudfront.protected-prefixes=https://cdn.example.com/private/",
                "cloudfront.url.ttl=-5m");
        String out = output.getAll();
        assertTrue(out.contains("APPLICATION FAILED TO START"), out);
        assertTrue(out.contains("cloudfront.url.ttl = \"-5m\""), out);
        assertTrue(out.contains("Action:"), out);
        assertTrue(out.contains("write a duration") || out.contains("positive"), out);
    }

    @Test
    void badProperty_reportNamesWhereTheValueCameFrom(CapturedOutput output) {
        start("cloudfront.key-pair-id=K2JCJMDEHXQW5F", "cloudfront.private-key.location=/no/such/key.pem");
        String out = output.getAll();
        assertTrue(out.contains("cloudfront.private-key.location = \"/no/such/key.pem\""), out);
    }

    @Test
    void report_neverShowsKeyMaterial(CapturedOutput output) {
        start(
                "cloudfront.key-pair-id=K2JCJMDEHXQW5F",
                "cloudfront.private-key=" + PEM.replace("\n", "\\n"),
                "cloudfront.cookie.same-site=sometimes",
                "cloudfront.cookie.resources=https://cdn.example.com/m/*");
        String out = output.getAll();
        assertTrue(out.contains("cloudfront.cookie.same-site"), out);
        String body = PEM.split("\n")[1];
        assertFalse(out.contains(body), "a line of the private key was printed");
    }

    @Test
    void edgeWithoutUrlPatterns_failsStartupWithTheFix(CapturedOutput output) {
        assertThrows(
                RuntimeException.class,
                () -> new SpringApplicationBuilder(MediaApp.class)
                        .properties("server.port=0", "cloudfront.edge.trusted-keys=K2JCJMDEHXQW5F")
                        .run()
                        .close());
        assertTrue(output.getAll().contains("cloudfront.edge.url-patterns (not set): required with"), output.getAll());
    }
}
