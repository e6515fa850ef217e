package io.github.cloudfrontsigned.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.IndependentCheck;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.RemoteSigner;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestSigning}: the one decision the servlet filter and the JAX-RS feature share, with real keys and
 * the real signer; the request is a record implementing {@link RequestSigning.Viewer}.
 */
final class RequestSigningTest {

    private static final KeyPair KEY = TestKeys.RSA;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final String MEMBERS = "https://cdn.example.com/members/*";
    private static final String LINK = "https://cdn.example.com/members/a.mp4";

    /** A request as the adapters describe it. */
    private record Request(
            String userName,
            Set<String> roles,
            String remoteAddress,
            List<String> forwardedFor,
            Map<String, String> cloudFrontCookies)
            implements RequestSigning.Viewer {

        static Request anonymous(String remoteAddress) {
            return new Request(null, Set.of(), remoteAddress, List.of(), Map.of());
        }

        static Request user(String name, String... roles) {
            return new Request(name, Set.of(roles), "192.0.2.7", List.of(), Map.of());
        }

        Request carrying(Map<String, String> cookies) {
            return new Request(userName, roles, remoteAddress, forwardedFor, cookies);
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }
    }

    private static RequestRules.Builder rules() {
        return RequestRules.builder(CloudFrontSigner.builder()
                        .key("KACTIVE", KEY.getPrivate())
                        .clock(CLOCK)
                        .build())
                .cookies(List.of(CookieSpec.of(MEMBERS, CookieAttributes.defaults())));
    }

    private static RequestSigning signing(RequestRules rules, RequestSigning.Viewer request) {
        return RequestSigning.of(RequestSigning.Settings.builder(rules).build(), request, null);
    }

    private static Map<String, String> query(String parameters) {
        return IndependentCheck.parameters(parameters);
    }

    @Test
    void anonymousRequest_withoutAGate_getsCannedLinksThatVerify() {
        RequestSigning signing = signing(rules().build(), Request.anonymous("192.0.2.7"));
        Map<String, String> p = query(signing.signingParameters(LINK));
        assertNotNull(p.get("Expires"));
        assertNull(p.get("Policy"));
        String canned = "{\"Statement\":[{\"Resource\":\"" + LINK + "\",\"Condition\":{\"DateLessThan\":"
                + "{\"AWS:EpochTime\":" + p.get("Expires") + "}}}]}";
        assertTrue(IndependentCheck.verifiesRsa(KEY.getPublic(), "SHA1", canned, p.get("Signature")));
    }

    @Test
    void linksOfOneRequest_areSignedWithOneReadingOfTheClock_canned() {
        assertEquals(1, clockReadsForThreeLinks(false));
    }

    @Test
    void linksOfOneRequest_areSignedWithOneReadingOfTheClock_boundToTheClient() {
        assertEquals(1, clockReadsForThreeLinks(true));
    }

    @Test
    void forResponse_letsTheNextLinkReadTheClockAgain() {
        AtomicInteger reads = new AtomicInteger();
        RequestSigning signing = signing(countingClockRules(reads, false), Request.anonymous("192.0.2.7"));
        signing.signingParameters(LINK);
        io.github.cloudfrontsigned.rewrite.LinkSigner next = signing.forResponse();
        next.signingParameters(LINK);
        next.signingParameters(LINK);
        assertEquals(2, reads.get());
    }

    @Test
    void forResponse_signsAsTheRequestDoes() {
        RequestSigning signing = signing(rules().build(), Request.anonymous("192.0.2.7"));
        assertEquals(signing.signingParameters(LINK), signing.forResponse().signingParameters(LINK));
    }

    @Test
    void forResponse_ofARefusedRequest_signsNothing() {
        RequestSigning signing = signing(rules().requireAuthenticated(true).build(), Request.anonymous("192.0.2.7"));
        assertNull(signing.forResponse().signingParameters(LINK));
    }

    private static int clockReadsForThreeLinks(boolean bind) {
        AtomicInteger reads = new AtomicInteger();
        RequestSigning signing = signing(countingClockRules(reads, bind), Request.anonymous("192.0.2.7"));
        for (String name : List.of("a.mp4", "b.mp4", "c.mp4")) {
            assertNotNull(signing.signingParameters("https://cdn.example.com/members/" + name));
        }
        return reads.get();
    }

    /** The rules, with a clock that counts its readings from when they are built. */
    private static RequestRules countingClockRules(AtomicInteger reads, boolean bind) {
        Clock counting = new Clock() {
            @Override
            public Instant instant() {
                reads.incrementAndGet();
                return CLOCK.instant();
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        RequestRules rules = RequestRules.builder(CloudFrontSigner.builder()
                        .key("KACTIVE", KEY.getPrivate())
                        .clock(counting)
                        .build())
                .cookies(List.of(CookieSpec.of(MEMBERS, CookieAttributes.defaults())))
                .bindClientIp(bind)
                .build();
        reads.set(0);
        return rules;
    }

    @Test
    void anonymousRequest_whenAuthenticationIsRequired_getsNothing() {
        RequestSigning signing = signing(rules().requireAuthenticated(true).build(), Request.anonymous("192.0.2.7"));
        assertFalse(signing.allowed());
        assertNull(signing.signingParameters(LINK));
        assertEquals(List.of(), signing.setCookieHeaders());
    }

    @Test
    void userWithoutAConfiguredRole_getsNothing() {
        RequestRules rules = rules().roles(Set.of("subscriber")).build();
        assertFalse(signing(rules, Request.user("ada", "guest")).allowed());
        assertTrue(signing(rules, Request.user("ada", "guest", "subscriber")).allowed());
    }

    @Test
    void boundRequest_getsCustomPolicyWithTheClientsAddressFromATrustedProxy() {
        RequestRules rules = rules().bindClientIp(true)
                .trustedProxies(TrustedProxies.parse("10.0.0.0/8"))
                .build();
        Request behindProxy = new Request(null, Set.of(), "10.0.0.5", List.of("198.51.100.23"), Map.of());
        Map<String, String> p = query(signing(rules, behindProxy).signingParameters(LINK));
        String policy = IndependentCheck.decode(p.get("Policy"));
        assertTrue(policy.contains("\"IpAddress\":{\"AWS:SourceIp\":\"198.51.100.23/32\"}"), policy);
    }

    @Test
    void boundRequest_fromAnUntrustedPeer_ignoresXForwardedFor() {
        RequestRules rules = rules().bindClientIp(true).build();
        Request spoofing = new Request(null, Set.of(), "203.0.113.9", List.of("198.51.100.23"), Map.of());
        String policy = IndependentCheck.decode(
                query(signing(rules, spoofing).signingParameters(LINK)).get("Policy"));
        assertTrue(policy.contains("203.0.113.9/32"), policy);
    }

    @Test
    void boundRequest_fromATrueIpv6Client_getsNothing() {
        RequestRules rules = rules().bindClientIp(true).build();
        assertFalse(signing(rules, Request.anonymous("2001:db8::1")).allowed());
    }

    @Test
    void boundRequest_fromAnIpv4MappedAddress_isBoundToTheIpv4Address() {
        RequestRules rules = rules().bindClientIp(true).build();
        String policy = IndependentCheck.decode(
                query(signing(rules, Request.anonymous("::ffff:192.0.2.7")).signingParameters(LINK))
                        .get("Policy"));
        assertTrue(policy.contains("192.0.2.7/32"), policy);
    }

    @Test
    void boundRequest_withoutAKnownPeerAddress_getsNothing() {
        RequestRules rules = rules().bindClientIp(true).build();
        assertFalse(signing(rules, Request.anonymous(null)).allowed());
    }

    @Test
    void linkThatCannotBeSigned_isLeftUnsigned() {
        RequestSigning signing = signing(rules().build(), Request.anonymous("192.0.2.7"));
        assertNull(signing.signingParameters(LINK + "?Signature=abc"));
    }

    @Test
    void cookies_forEachResource_carryTheBoundAddress() {
        RequestRules rules = rules().bindClientIp(true).build();
        List<String> headers = signing(rules, Request.anonymous("192.0.2.7")).setCookieHeaders();
        assertEquals(3, headers.size(), headers.toString());
        String policy = headers.stream()
                .filter(h -> h.startsWith(SignedCookies.POLICY + "="))
                .findFirst()
                .map(h -> IndependentCheck.decode(h.substring(SignedCookies.POLICY.length() + 1, h.indexOf(';'))))
                .orElseThrow();
        assertTrue(policy.contains(MEMBERS) && policy.contains("192.0.2.7/32"), policy);
    }

    @Test
    void cookies_carriedFresh_areNotReissued() {
        RequestRules rules = rules().build();
        SignedCookies carried = rules.signer()
                .signCookies(Policy.builder()
                        .resource(MEMBERS)
                        .expiresIn(Duration.ofHours(1))
                        .build());
        Map<String, String> byName = new LinkedHashMap<>();
        carried.cookies().forEach(c -> byName.put(c.name(), c.value()));
        Request request = Request.anonymous("192.0.2.7").carrying(byName);
        assertEquals(List.of(), signing(rules, request).setCookieHeaders());
    }

    @Test
    void cookies_withAUserPlaceholder_areIssuedPerUser() {
        RequestRules rules = rules().build();
        CookieSpec perUser = CookieSpec.of("https://cdn.example.com/users/{user}/*", CookieAttributes.defaults());
        List<String> headers = signing(rules, Request.user("ada")).setCookieHeaders(Arrays.asList(perUser, null));
        String policy = headers.stream()
                .filter(h -> h.startsWith(SignedCookies.POLICY + "="))
                .findFirst()
                .map(h -> IndependentCheck.decode(h.substring(SignedCookies.POLICY.length() + 1, h.indexOf(';'))))
                .orElseThrow();
        assertTrue(policy.contains("https://cdn.example.com/users/ada/*"), policy);
    }

    @Test
    void hooks_refusingTheRequest_denyEverything() {
        RequestSigning signing = RequestSigning.of(
                RequestSigning.Settings.builder(rules().build()).build(),
                Request.anonymous("192.0.2.7"),
                new RequestSigning.AccessHooks() {
                    @Override
                    public boolean allowsRequest() {
                        return false;
                    }
                });
        assertNull(signing.signingParameters(LINK));
        assertEquals(List.of(), signing.setCookieHeaders());
    }

    @Test
    void hooks_thatThrow_denyInsteadOfFailingTheResponse() {
        RequestSigning signing = RequestSigning.of(
                RequestSigning.Settings.builder(rules().build()).build(),
                Request.anonymous("192.0.2.7"),
                new RequestSigning.AccessHooks() {
                    @Override
                    public boolean allowsLink(String url) {
                        throw new IllegalStateException("policy bug");
                    }
                });
        assertNull(signing.signingParameters(LINK));
        assertTrue(signing.allowed());
    }

    @Test
    void hooks_bindingToARange_bindLinksAndCookiesToIt() {
        List<String> seen = new ArrayList<>();
        RequestSigning signing = RequestSigning.of(
                RequestSigning.Settings.builder(rules().build()).build(),
                Request.anonymous("192.0.2.7"),
                new RequestSigning.AccessHooks() {
                    @Override
                    public String ipAddress(String clientAddress) {
                        seen.add(clientAddress);
                        return "192.0.2.0/24";
                    }
                });
        String policy =
                IndependentCheck.decode(query(signing.signingParameters(LINK)).get("Policy"));
        assertTrue(policy.contains("192.0.2.0/24"), policy);
        assertEquals(List.of("192.0.2.7"), seen);
    }

    @Test
    void settings_perResource_overrideTheLinkLifetime() {
        RequestSigning.Settings settings = RequestSigning.Settings.builder(rules().build())
                .linkTtl(Duration.ofMinutes(10))
                .build();
        Map<String, String> p = query(RequestSigning.of(settings, Request.anonymous("192.0.2.7"), null)
                .signingParameters(LINK));
        long expires = Long.parseLong(p.get("Expires"));
        assertTrue(expires <= CLOCK.instant().plus(Duration.ofMinutes(15)).getEpochSecond(), p.toString());
    }

    /** A key service that is down: every signature fails. */
    private record UnavailableKeyService() implements RemoteSigner {
        @Override
        public PublicKey publicKey() {
            return KEY.getPublic();
        }

        @Override
        public byte[] sign(HashAlgorithm hash, byte[] policyBytes) {
            throw new IllegalStateException("key service unavailable");
        }

        @Override
        public String description() {
            return "a key service that is down";
        }
    }

    @Test
    void cookieFailures_throwWhenSoConfigured_andAreSkippedByDefault() {
        RequestRules rules = rules().build();
        CloudFrontSigner down = CloudFrontSigner.builder()
                .key("KDOWN", new UnavailableKeyService())
                .clock(CLOCK)
                .build();
        RequestSigning skipping = RequestSigning.of(
                RequestSigning.Settings.builder(rules).signer(down).build(), Request.anonymous("192.0.2.7"), null);
        RequestSigning throwing = RequestSigning.of(
                RequestSigning.Settings.builder(rules)
                        .signer(down)
                        .cookieFailuresThrow(true)
                        .build(),
                Request.anonymous("192.0.2.7"),
                null);
        assertEquals(List.of(), skipping.setCookieHeaders());
        assertThrows(IllegalStateException.class, throwing::setCookieHeaders);
    }
}
