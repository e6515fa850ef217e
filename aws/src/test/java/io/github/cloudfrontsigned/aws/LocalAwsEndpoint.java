package io.github.cloudfrontsigned.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * AWS Secrets Manager, Systems Manager and KMS on 127.0.0.1, speaking the services' JSON 1.1 protocol
 * ({@code X-Amz-Target}, {@code application/x-amz-json-1.1}) for GetSecretValue, GetParameter, GetPublicKey and
 * Sign. KMS signs with a real key pair held here. Failures are switched on per target. Public for the command
 * line's tests (the aws test jar).
 */
public final class LocalAwsEndpoint implements AutoCloseable {

    public static final String GET_SECRET_VALUE = "secretsmanager.GetSecretValue";
    public static final String GET_PARAMETER = "AmazonSSM.GetParameter";
    public static final String GET_PUBLIC_KEY = "TrentService.GetPublicKey";
    public static final String SIGN = "TrentService.Sign";
    public static final String KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /** One request as received. */
    record Request(String target, JsonNode body) {
        String field(String name) {
            JsonNode n = body.asObject().get(name);
            return n == null ? null : n.isString() ? n.asString() : n.text();
        }
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Target to AWS error code to answer with (HTTP 400; HTTP 500 for {@code InternalFailure}). */
    public final Map<String, String> failures = new ConcurrentHashMap<>();

    public volatile String secretString;
    public volatile String parameterValue;
    public volatile KeyPair kmsKey;
    volatile String kmsKeySpec = "RSA_2048";
    volatile String kmsKeyUsage = "SIGN_VERIFY";

    /** @return a started endpoint on a free loopback port */
    public static LocalAwsEndpoint open() {
        try {
            return new LocalAwsEndpoint();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LocalAwsEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public long count(String target) {
        return requests.stream().filter(r -> r.target().equals(target)).count();
    }

    /**
     * Waits longer than two 1-second refresh intervals and asserts that nothing called {@code target} meanwhile.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void assertNoCallsFor2500Millis(String target, String why) throws InterruptedException {
        long before = count(target);
        Thread.sleep(2500);
        org.junit.jupiter.api.Assertions.assertEquals(before, count(target), why);
    }

    Request last(String target) {
        Request found = null;
        for (Request r : requests) {
            if (r.target().equals(target)) {
                found = r;
            }
        }
        return found;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(target, JsonNode.parser().parse(body.isEmpty() ? "{}" : body));
        requests.add(request);
        String error = target == null ? "UnknownOperationException" : failures.get(target);
        if (error != null) {
            respond(
                    exchange,
                    error.equals("InternalFailure") ? 500 : 400,
                    "{\"__type\":\"" + error + "\",\"message\":\"" + error + " from the local endpoint\"}");
            return;
        }
        try {
            switch (target) {
                case GET_SECRET_VALUE:
                    respond(
                            exchange,
                            200,
                            "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:"
                                    + request.field("SecretId") + "\",\"Name\":\"" + request.field("SecretId")
                                    + "\",\"SecretString\":" + json(secretString) + ",\"VersionId\":\"v1\"}");
                    break;
                case GET_PARAMETER:
                    respond(
                            exchange,
                            200,
                            "{\"Parameter\":{\"Name\":\"" + request.field("Name") + "\",\"Type\":"
                                    + "\"SecureString\",\"Value\":" + json(parameterValue) + ",\"Version\":1}}");
                    break;
                case GET_PUBLIC_KEY:
                    respond(
                            exchange,
                            200,
                            "{\"KeyId\":\"" + KEY_ARN + "\",\"KeySpec\":\"" + kmsKeySpec + "\","
                                    + "\"KeyUsage\":\"" + kmsKeyUsage + "\",\"PublicKey\":\""
                                    + Base64.getEncoder()
                                            .encodeToString(kmsKey.getPublic().getEncoded()) + "\","
                                    + "\"SigningAlgorithms\":[\"RSASSA_PKCS1_V1_5_SHA_256\",\"ECDSA_SHA_256\"]}");
                    break;
                case SIGN:
                    respond(
                            exchange,
                            200,
                            "{\"KeyId\":\"" + KEY_ARN + "\",\"SigningAlgorithm\":\""
                                    + request.field("SigningAlgorithm") + "\",\"Signature\":\""
                                    + Base64.getEncoder().encodeToString(sign(request)) + "\"}");
                    break;
                default:
                    respond(exchange, 400, "{\"__type\":\"UnknownOperationException\"}");
            }
        } catch (Exception e) {
            respond(exchange, 500, "{\"__type\":\"InternalFailure\",\"message\":\"" + e + "\"}");
        }
    }

    private byte[] sign(Request request) throws Exception {
        byte[] message = Base64.getDecoder().decode(request.field("Message"));
        boolean rsa = kmsKey.getPrivate().getAlgorithm().equals("RSA");
        if ("DIGEST".equals(request.field("MessageType"))) {
            // KMS signs a SHA-256 digest as it is: PKCS#1 v1.5 over the DigestInfo, or ECDSA over the digest
            Signature s = Signature.getInstance(rsa ? "NONEwithRSA" : "NONEwithECDSA");
            s.initSign(kmsKey.getPrivate());
            s.update(rsa ? concat(SHA256_DIGEST_INFO_PREFIX, message) : message);
            return s.sign();
        }
        Signature s = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
        s.initSign(kmsKey.getPrivate());
        s.update(message);
        return s.sign();
    }

    private static final byte[] SHA256_DIGEST_INFO_PREFIX =
            java.util.HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String json(String s) {
        if (s == null) {
            return "null";
        }
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n") + "\"";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
