package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class AsyncAndErrorTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestApp.withFilter(HttpSemanticsTest.params());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void asyncServlet_writingFromAnotherThread_hasItsLinksSigned() {
        HttpResponse<byte[]> r = server.getBytes("/async");
        assertEquals(200, r.statusCode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(TestApp.page(20), Signatures.unsigned(body));
        List<String> signed = Signatures.signedUrls(body);
        assertEquals(20, signed.size(), body);
        Signatures.verifyCanned(signed.get(0));
    }

    @Test
    void errorPage_isServedWithItsLinkSigned() {
        HttpResponse<byte[]> r = server.getBytes("/missing");
        assertEquals(404, r.statusCode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        List<String> signed = Signatures.signedUrls(body);
        assertEquals(1, signed.size(), body);
        Signatures.verifyCanned(signed.get(0));
    }
}
