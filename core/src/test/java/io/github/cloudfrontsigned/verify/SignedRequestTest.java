package io.github.cloudfrontsigned.verify;

import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.NOW;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.URL;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.rsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SignedRequestTest {

    @Test
    void anySigningParameterInTheQuery_makesASignedUrl() {
        for (String name : List.of("Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm")) {
            SignedRequest s = SignedRequest.parse(ViewerRequest.builder()
                    .url(URL + "?a=1&" + name + "=x")
                    .cookie("CloudFront-Key-Pair-Id", "K1")
                    .build());
            assertEquals(CredentialSource.URL, s.source(), name);
        }
    }

    @Test
    void parameterNamesAreCaseSensitive() {
        SignedRequest s = SignedRequest.parse(ViewerRequest.fromUrl(URL + "?expires=1&key-pair-id=K1"));
        assertEquals(CredentialSource.COOKIES, s.source());
        assertFalse(s.isSigned());
    }

    @Test
    void unsignedUrl_dropsTheSigningParametersAndKeepsTheRestByteForByte() {
        SignedRequest s =
                SignedRequest.parse(ViewerRequest.fromUrl(URL + "?b=%20&Expires=1&a=x+y&&Signature=s&Key-Pair-Id=K"));
        assertEquals(URL + "?b=%20&a=x+y&", s.unsignedUrl());
    }

    @Test
    void unsignedUrl_withOnlySigningParameters_hasNoQuestionMark() {
        assertEquals(
                URL,
                SignedRequest.parse(ViewerRequest.fromUrl(rsa().signUrl(URL, Duration.ofMinutes(1))))
                        .unsignedUrl());
    }

    @Test
    void customPolicy_isDecodedWithoutAKey() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.0/24")
                                .build());
        SignedRequest s = SignedRequest.parse(ViewerRequest.fromUrl(signed));
        assertFalse(s.isCannedPolicy());
        assertEquals(URL, s.resource());
        assertEquals(NOW.plusSeconds(300), s.dateLessThan());
        assertEquals("192.0.2.0/24", s.ipAddress());
        assertNull(s.dateGreaterThan());
        assertTrue(s.problems().isEmpty(), s.problems()::toString);
    }

    @Test
    void awsDocumentationCookieExample_isDecoded() {
        SignedRequest s = SignedRequest.ofCookies(List.of(
                new SignedCookies.Cookie(
                        "CloudFront-Policy",
                        "eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cDovL2QxMTExMTFhYmNkZWY4LmNsb3VkZnJvbnQubmV0L2dhbWVfZG93bmxvYWQuemlwIiwi"
                                + "Q29uZGl0aW9uIjp7IklwQWRkcmVzcyI6eyJBV1M6U291cmNlSXAiOiIxOTIuMC4yLjAvMjQifSwiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9j"
                                + "aFRpbWUiOjE0MjY1MDAwMDB9fX1dfQ__"),
                new SignedCookies.Cookie("CloudFront-Key-Pair-Id", "K2JCJMDEHXQW5F")));
        assertEquals("http://d111111abcdef8.cloudfront.net/game_download.zip", s.resource());
        assertEquals("192.0.2.0/24", s.ipAddress());
        assertEquals(1426500000L, s.dateLessThan().getEpochSecond());
    }

    @Test
    void valueAndName_areReadBySigningParameter() {
        SignedRequest s = SignedRequest.ofCookies(List.of(
                new SignedCookies.Cookie("CloudFront-Key-Pair-Id", "K1"),
                new SignedCookies.Cookie("CloudFront-Expires", "%31%32")));
        assertEquals("12", s.value(io.github.cloudfrontsigned.SigningParameter.EXPIRES));
        assertEquals("CloudFront-Expires", s.name(io.github.cloudfrontsigned.SigningParameter.EXPIRES));
        assertNull(s.value(io.github.cloudfrontsigned.SigningParameter.POLICY));
    }

    @Test
    void signature_isTheDecodedBytesOrNullWhenNotDecodable() {
        assertEquals(
                3,
                SignedRequest.parse(ViewerRequest.fromUrl(URL + "?Expires=1&Signature=AAAA&Key-Pair-Id=K1"))
                        .signature()
                        .length);
        assertNull(SignedRequest.parse(ViewerRequest.fromUrl(URL + "?Expires=1&Signature=ab!c&Key-Pair-Id=K1"))
                .signature());
    }
}
