package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.rewrite.ResponseRules.Body;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The response rules both adapters apply; over HTTP through each adapter: {@link ResponseCase}. */
final class ResponseRulesTest {

    /** Headers as a case-insensitive map, as containers hold them. */
    private static final class MapHeaders implements ResponseRules.Headers {
        final Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        MapHeaders(String... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                map.put(pairs[i], pairs[i + 1]);
            }
        }

        @Override
        public String get(String name) {
            return map.get(name);
        }

        @Override
        public void set(String name, String value) {
            if (value == null) {
                map.remove(name);
            } else {
                map.put(name, value);
            }
        }
    }

    @Test
    void body_ofAPlain200_isRewritten() {
        assertEquals(Body.REWRITE, ResponseRules.body("GET", 200, new MapHeaders()));
    }

    @Test
    void body_ofAHead_getsTheHeadersOnly() {
        assertEquals(Body.HEADERS_ONLY, ResponseRules.body("HEAD", 200, new MapHeaders()));
    }

    @Test
    void body_ofANotModified_passes() {
        assertEquals(Body.PASS, ResponseRules.body("GET", 304, new MapHeaders()));
    }

    @Test
    void body_ofANoContentOrResetContent_passes() {
        assertEquals(Body.PASS, ResponseRules.body("GET", 204, new MapHeaders()));
        assertEquals(Body.PASS, ResponseRules.body("GET", 205, new MapHeaders()));
    }

    @Test
    void body_ofAPartialContent_passes() {
        assertEquals(Body.PASS, ResponseRules.body("GET", 206, new MapHeaders()));
    }

    @Test
    void body_withAContentRange_passes() {
        assertEquals(Body.PASS, ResponseRules.body("GET", 200, new MapHeaders("Content-Range", "bytes 0-9/100")));
    }

    @Test
    void body_ofAnInterimStatus_passes() {
        assertEquals(Body.PASS, ResponseRules.body("GET", 103, new MapHeaders()));
    }

    @Test
    void body_ofARedirectOrAnError_isRewritten() {
        assertEquals(Body.REWRITE, ResponseRules.body("GET", 302, new MapHeaders()));
        assertEquals(Body.REWRITE, ResponseRules.body("GET", 404, new MapHeaders()));
    }

    @Test
    void body_compressed_passes() {
        assertEquals(Body.PASS, ResponseRules.body("GET", 200, new MapHeaders("Content-Encoding", "gzip")));
    }

    @Test
    void body_withIdentityEncoding_isRewritten() {
        assertEquals(Body.REWRITE, ResponseRules.body("GET", 200, new MapHeaders("content-encoding", " Identity ")));
    }

    @Test
    void isEncoded_aListWithACompression_isTrue() {
        assertTrue(ResponseRules.isEncoded("identity, br"));
    }

    @Test
    void isEncoded_blankOrNull_isFalse() {
        assertFalse(ResponseRules.isEncoded(" "));
        assertFalse(ResponseRules.isEncoded(null));
    }

    @Test
    void bodyChanged_dropsTheContentLength() {
        MapHeaders h = new MapHeaders("Content-Length", "88");
        ResponseRules.bodyChanged(h);
        assertNull(h.get("Content-Length"));
    }

    @Test
    void bodyChanged_weakensAStrongETag() {
        MapHeaders h = new MapHeaders("ETag", "\"v1\"");
        ResponseRules.bodyChanged(h);
        assertEquals("W/\"v1\"", h.get("ETag"));
    }

    @Test
    void bodyChanged_keepsAWeakETag() {
        MapHeaders h = new MapHeaders("ETag", "W/\"v1\"");
        ResponseRules.bodyChanged(h);
        assertEquals("W/\"v1\"", h.get("ETag"));
    }

    @Test
    void bodyChanged_refusesByteRangesWhenAdvertised() {
        MapHeaders h = new MapHeaders("Accept-Ranges", "bytes");
        ResponseRules.bodyChanged(h);
        assertEquals("none", h.get("Accept-Ranges"));
    }

    @Test
    void bodyChanged_addsNoAcceptRanges() {
        MapHeaders h = new MapHeaders();
        ResponseRules.bodyChanged(h);
        assertTrue(h.map.isEmpty(), h.map.toString());
    }

    @Test
    void weakETag_leavesAValueThatIsNoEntityTag() {
        assertEquals("v1", ResponseRules.weakETag("v1"));
        assertNull(ResponseRules.weakETag(null));
    }

    @Test
    void notModified_repeatsTheWeakenedETagTheClientHolds() {
        MapHeaders h = new MapHeaders("ETag", "\"v1\"");
        ResponseRules.notModified(h, "\"v0\", W/\"v1\"");
        assertEquals("W/\"v1\"", h.get("ETag"));
    }

    @Test
    void notModified_keepsTheStrongETagTheClientHolds() {
        MapHeaders h = new MapHeaders("ETag", "\"v1\"");
        ResponseRules.notModified(h, "\"v1\"");
        assertEquals("\"v1\"", h.get("ETag"));
    }

    @Test
    void notModified_withoutIfNoneMatch_changesNothing() {
        MapHeaders h = new MapHeaders("ETag", "\"v1\"");
        ResponseRules.notModified(h, null);
        assertEquals("\"v1\"", h.get("ETag"));
    }

    @Test
    void headerOfChangedBody_setLate_followsTheSameRules() {
        assertNull(ResponseRules.headerOfChangedBody("content-length", "88"));
        assertEquals("W/\"v2\"", ResponseRules.headerOfChangedBody("etag", "\"v2\""));
        assertEquals("none", ResponseRules.headerOfChangedBody("Accept-Ranges", "bytes"));
    }

    @Test
    void headerOfChangedBody_otherHeader_isUnchanged() {
        assertEquals("max-age=60", ResponseRules.headerOfChangedBody("Cache-Control", "max-age=60"));
    }
}
