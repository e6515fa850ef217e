package io.github.cloudfrontsigned.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The library dropped into a WAR on real containers: each configuration style, auto-registration of the filter
 * (never doubled, off when asked), one configuration shared with JAX-RS, and misconfiguration failing the
 * deployment with our message.
 */
final class DropInTest {

    private static final Pattern EXPIRES = Pattern.compile("Expires=(\\d+)");

    private static void assertSignedLink(String body) {
        assertTrue(body.contains(WarApp.CDN + "a.mp4?Expires="), body);
        assertTrue(body.contains("Key-Pair-Id=" + WarApp.KEY_PAIR_ID), body);
    }

    private static Duration ttl(String signedUrl) {
        Matcher m = EXPIRES.matcher(signedUrl);
        assertTrue(m.find(), signedUrl);
        return Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(m.group(1))));
    }

    private static void assertTtlAbout(Duration expected, String signedUrl) {
        Duration ttl = ttl(signedUrl);
        // the default expiry granularity (5 minutes) rounds the expiry up
        assertTrue(
                ttl.compareTo(expected.minusSeconds(5)) >= 0 && ttl.compareTo(expected.plusMinutes(5)) <= 0,
                "expected about " + expected + ", was " + ttl);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void webXmlInitParams_signLinks_andTheFilterIsNotDoubled(Container container) throws Exception {
        WarApp app = new WarApp()
                .declaredFilter(Map.of(
                        "cloudfront.key-pair-id",
                        WarApp.KEY_PAIR_ID,
                        "cloudfront.private-key.location",
                        WarApp.KEY_LOCATION,
                        "cloudfront.protected-prefixes",
                        WarApp.CDN));
        try (Container.Deployed d = container.deploy(app.write())) {
            assertSignedLink(d.get("/page").body());
            assertEquals("cloudfront-declared [/*]", d.get("/filters").body());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void contextParamsOnly_registerTheFilterOnSlashStar(Container container) throws Exception {
        try (Container.Deployed d = container.deploy(WarApp.contextParamsOnly().write())) {
            assertSignedLink(d.get("/page").body());
            assertEquals("cloudfront [/*]", d.get("/filters").body());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void contextParamsAndDeclaredFilter_areNotDoubled(Container container) throws Exception {
        WarApp app = WarApp.contextParamsOnly().declaredFilter(Map.of());
        try (Container.Deployed d = container.deploy(app.write())) {
            assertSignedLink(d.get("/page").body());
            assertEquals("cloudfront-declared [/*]", d.get("/filters").body());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void urlPatternsProperty_choosesWhereTheFilterIsRegistered(Container container) throws Exception {
        WarApp app = WarApp.contextParamsOnly().contextParam("cloudfront.filter.url-patterns", "/page, /other/*");
        try (Container.Deployed d = container.deploy(app.write())) {
            assertEquals("cloudfront [/other/*, /page]", d.get("/filters").body());
            assertSignedLink(d.get("/page").body());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void microProfileConfigOnly_registersTheFilter(Container container) throws Exception {
        WarApp app = new WarApp()
                .microProfileConfig("cloudfront.key-pair-id", WarApp.KEY_PAIR_ID)
                .microProfileConfig("cloudfront.private-key.location", WarApp.KEY_LOCATION)
                .microProfileConfig("cloudfront.protected-prefixes", WarApp.CDN);
        try (Container.Deployed d = container.deploy(app.write())) {
            assertSignedLink(d.get("/page").body());
            assertEquals("cloudfront [/*]", d.get("/filters").body());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void precedence_microProfileConfigThenInitParamThenContextParam(Container container) throws Exception {
        WarApp initOverContext = WarApp.contextParamsOnly()
                .contextParam("cloudfront.url.ttl", "2h")
                .declaredFilter(Map.of("cloudfront.url.ttl", "30m"));
        try (Container.Deployed d = container.deploy(initOverContext.write())) {
            assertTtlAbout(Duration.ofMinutes(30), d.get("/page").body());
        }
        WarApp mpOverBoth = WarApp.contextParamsOnly()
                .contextParam("cloudfront.url.ttl", "2h")
                .declaredFilter(Map.of("cloudfront.url.ttl", "30m"))
                .microProfileConfig("cloudfront.url.ttl", "4h");
        try (Container.Deployed d = container.deploy(mpOverBoth.write())) {
            assertTtlAbout(Duration.ofHours(4), d.get("/page").body());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void enabledFalse_registersNoFilter(Container container) throws Exception {
        WarApp app = WarApp.contextParamsOnly().contextParam("cloudfront.enabled", "false");
        try (Container.Deployed d = container.deploy(app.write())) {
            assertEquals(PageServlet.PAGE, d.get("/page").body());
            assertEquals("", d.get("/filters").body());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void metadataComplete_registersNoFilter(Container container) throws Exception {
        try (Container.Deployed d =
                container.deploy(WarApp.contextParamsOnly().metadataComplete().write())) {
            assertEquals(PageServlet.PAGE, d.get("/page").body());
            assertEquals("", d.get("/filters").body());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void missingKeyFile_failsTheDeployment_withTheProperty(Container container) {
        WarApp app = WarApp.contextParamsOnly()
                .contextParam("cloudfront.private-key.location", "classpath:cloudfront/missing.pem");
        Container.StartupFailed e = assertThrows(Container.StartupFailed.class, () -> container.deploy(app.write()));
        assertTrue(e.getMessage().contains("cloudfront.private-key.location"), e.getMessage());
        assertTrue(e.getMessage().contains("missing.pem"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void misconfiguredDeclaredFilter_failsTheDeployment_beforeAnyRequest(Container container) {
        WarApp app = new WarApp()
                .declaredFilter(Map.of(
                        "cloudfront.key-pair-id",
                        WarApp.KEY_PAIR_ID,
                        "cloudfront.private-key.location",
                        WarApp.KEY_LOCATION,
                        "cloudfront.protected-prefixes",
                        WarApp.CDN,
                        "cloudfront.url.ttl",
                        "ten minutes"));
        Container.StartupFailed e = assertThrows(Container.StartupFailed.class, () -> container.deploy(app.write()));
        assertTrue(e.getMessage().contains("cloudfront.url.ttl"), e.getMessage());
        assertTrue(e.getMessage().contains("cloudfront-declared"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void misconfiguredContextParams_failTheDeployment_evenWithNoFilterToInitialize(Container container) {
        // metadata-complete: no filter is registered, so only the initializer's check can stop the deployment
        // (as on Undertow, which initializes filters on their first request)
        WarApp app = WarApp.contextParamsOnly()
                .contextParam("cloudfront.url.ttl", "ten minutes")
                .metadataComplete();
        Container.StartupFailed e = assertThrows(Container.StartupFailed.class, () -> container.deploy(app.write()));
        // the servlet jar's or the jaxrs jar's initializer, whichever the container runs first: the same check
        assertTrue(
                e.getMessage().matches("(?s).*CloudFront (signing|@CloudFrontSigned resources) cannot start.*"),
                e.getMessage());
        assertTrue(e.getMessage().contains("cloudfront.url.ttl = \"ten minutes\" (context-param)"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void nonBlockingOutput_isSigned_withNothingDropped(Container container) throws Exception {
        try (Container.Deployed d = container.deploy(WarApp.contextParamsOnly().write())) {
            HttpResponse<String> r = d.get("/non-blocking");
            assertEquals(200, r.statusCode());
            String body = r.body();
            String signature = "\\?Expires=\\d+&(amp;)?Signature=[^&\"]+&(amp;)?Key-Pair-Id=" + WarApp.KEY_PAIR_ID;
            assertEquals(NonBlockingServlet.page(), body.replaceAll(signature, ""));
            assertEquals(NonBlockingServlet.LINKS, body.split("Key-Pair-Id=", -1).length - 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void jaxrs_readsTheContextParams(Container container) throws Exception {
        WarApp app = WarApp.contextParamsOnly()
                .contextParam("cloudfront.url.ttl", "2h")
                .jaxrs();
        try (Container.Deployed d = container.deploy(app.write())) {
            HttpResponse<String> r = d.get("/api/download");
            String location = r.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith(WarApp.CDN + "b.mp4?Expires="), location);
            assertTtlAbout(Duration.ofHours(2), location);
            assertFalse(URI.create(location).getRawQuery().isEmpty());
        }
    }
}
