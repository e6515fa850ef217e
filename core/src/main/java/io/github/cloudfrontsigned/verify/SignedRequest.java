package io.github.cloudfrontsigned.verify;

import static io.github.cloudfrontsigned.SigningParameter.EXPIRES;
import static io.github.cloudfrontsigned.SigningParameter.HASH_ALGORITHM;
import static io.github.cloudfrontsigned.SigningParameter.KEY_PAIR_ID;
import static io.github.cloudfrontsigned.SigningParameter.POLICY;
import static io.github.cloudfrontsigned.SigningParameter.SIGNATURE;

import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.internal.PercentEncoding;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.internal.TimeText;
import io.github.cloudfrontsigned.internal.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The CloudFront signing data a viewer request carries, decoded but <em>not verified</em>: which source
 * CloudFront reads (signed URL or signed cookies), the key pair ID, the hash algorithm, the policy (decoded from
 * {@code Policy}, or rebuilt from the URL and {@code Expires} for a canned policy) and what it claims. For
 * inspecting a URL or cookies without a key; {@link CloudFrontVerifier} builds on it to decide.
 *
 * <pre>{@code
 * SignedRequest signed = SignedRequest.parse(ViewerRequest.fromUrl(url));
 * System.out.println(signed.keyPairId() + " " + signed.dateLessThan() + " " + signed.problems());
 * }</pre>
 *
 * <p>Parsing never throws: what cannot be decoded is reported by {@link #problems()}. Values of the signing
 * parameters and cookies are percent-decoded first (CloudFront's base64 alphabet has no {@code %}, so
 * {@code %7E} can only mean {@code ~}). When a name appears more than once, the first value counts.
 *
 * <p>Sources: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-choosing-signed-urls-cookies.html">
 * Decide to use signed URLs or signed cookies</a> (which source wins) and the canned and custom policy pages
 * (the parameters). Thread safety: immutable and thread-safe.
 */
public final class SignedRequest {

    /** The signing parameters; each one's value and count sit at its {@code ordinal()} in the arrays below. */
    private static final SigningParameter[] PARAMETERS = SigningParameter.values();

    /** The signing query parameters, by {@code ordinal()}. */
    static final String[] URL_NAMES = Arrays.stream(SigningParameter.values())
            .map(SigningParameter::queryName)
            .toArray(String[]::new);
    /** The signed cookie names, by {@code ordinal()}. */
    static final String[] COOKIE_NAMES = Arrays.stream(SigningParameter.values())
            .map(SigningParameter::cookieName)
            .toArray(String[]::new);

    private final ViewerRequest request;
    private final CredentialSource source;
    private final String[] values = new String[PARAMETERS.length];
    private final int[] counts = new int[PARAMETERS.length];
    private final String unsignedQuery;
    private final String unsignedUrl;
    private final byte[] policyBytes;
    private final String policyProblem;
    private final byte[] signatureBytes;
    private final String signatureProblem;
    /** Parsed on first use, after the signature is checked; a benign race computes it twice at most. */
    private PolicyDocument document;

    private String documentProblem;

    private SignedRequest(ViewerRequest request, List<SignedCookies.Cookie> cookiesOnly) {
        this.request = request;
        String query = request == null ? null : request.rawQuery();
        boolean signedUrl = query != null && scanQuery(query, false);
        if (signedUrl) {
            source = CredentialSource.URL;
            unsignedQuery = removeSigningParameters(query);
        } else {
            source = CredentialSource.COOKIES;
            unsignedQuery = query;
            for (SignedCookies.Cookie c : request == null ? cookiesOnly : request.cookies()) {
                record(index(COOKIE_NAMES, c.name(), 0, c.name().length()), c.value());
            }
        }
        unsignedUrl = request == null
                ? null
                : ViewerRequest.url(request.scheme(), request.host(), request.rawPath(), unsignedQuery);

        String policy = value(POLICY);
        String expires = value(EXPIRES);
        byte[] bytes = null;
        String problem = null;
        if (policy != null) {
            if (policy.isEmpty()) {
                problem = name(POLICY) + " is empty";
            } else {
                try {
                    bytes = CloudFrontBase64.decode(policy);
                } catch (IllegalArgumentException e) {
                    problem = name(POLICY) + " is not in CloudFront's base64: " + e.getMessage();
                }
            }
            if (problem == null && expires != null) {
                problem = "both " + name(EXPIRES) + " (canned policy) and " + name(POLICY)
                        + " (custom policy) are present; send one of them";
            }
        } else if (expires != null) {
            problem = checkExpires(expires);
            if (problem == null && unsignedUrl != null) {
                bytes = PolicyDocument.writeCanned(unsignedUrl, expires).getBytes(StandardCharsets.UTF_8);
            }
        } else if (isSigned()) {
            problem =
                    "neither " + name(EXPIRES) + " (canned policy) nor " + name(POLICY) + " (custom policy) is present";
        }
        policyBytes = bytes;
        policyProblem = problem;

        String signature = value(SIGNATURE);
        byte[] sig = null;
        problem = null;
        if (signature == null || signature.isEmpty()) {
            problem = signature == null ? "there is no " + name(SIGNATURE) : name(SIGNATURE) + " is empty";
        } else {
            try {
                sig = CloudFrontBase64.decode(signature);
            } catch (IllegalArgumentException e) {
                int padding = signature.length();
                while (padding > 0 && signature.charAt(padding - 1) == '_') {
                    padding--;
                }
                int underscore = signature.indexOf('_');
                boolean base64url = underscore >= 0 && underscore < padding;
                problem = name(SIGNATURE) + " is not in CloudFront's base64 alphabet: " + e.getMessage()
                        + (base64url
                                ? " (it looks like RFC 4648 base64url, where _ stands for /; CloudFront"
                                        + " replaces + with -, = with _ and / with ~)"
                                : "");
            }
        }
        signatureBytes = sig;
        signatureProblem = problem;
    }

    /**
     * Reads the signing data of a request: its query string if that holds any signing parameter, else its
     * cookies.
     *
     * @param request the viewer request
     * @return what the request carries; never throws for any content
     */
    public static SignedRequest parse(ViewerRequest request) {
        return new SignedRequest(Objects.requireNonNull(request, "request"), null);
    }

    /**
     * Reads signed cookies without the URL they are sent with. A canned policy's resource is then unknown (it
     * is the requested URL), so {@link #policyJson()} is {@code null} for canned cookies.
     *
     * @param cookies the cookies, for example from {@link ViewerRequest#parseCookieHeader(String)}
     * @return what the cookies carry
     */
    public static SignedRequest ofCookies(List<SignedCookies.Cookie> cookies) {
        return new SignedRequest(null, List.copyOf(cookies));
    }

    /** @return where CloudFront reads the signature from for this request */
    public CredentialSource source() {
        return source;
    }

    /** @return whether the request carries any signing parameter (URL) or any {@code CloudFront-*} signing cookie */
    public boolean isSigned() {
        for (int count : counts) {
            if (count > 0) {
                return true;
            }
        }
        return false;
    }

    /** @return the {@code Key-Pair-Id} / {@code CloudFront-Key-Pair-Id} value, or {@code null} when absent */
    public String keyPairId() {
        return value(KEY_PAIR_ID);
    }

    /**
     * @return the {@code Hash-Algorithm} / {@code CloudFront-Hash-Algorithm} value as sent, or {@code null} when
     *     absent (CloudFront then uses SHA-1)
     */
    public String hashAlgorithmValue() {
        return value(HASH_ALGORITHM);
    }

    /**
     * @return the hash algorithm CloudFront applies: SHA-1 when no hash parameter is sent, or the one named
     *     exactly {@code SHA1} or {@code SHA256}; {@code null} for any other value
     */
    public HashAlgorithm hashAlgorithm() {
        String value = value(HASH_ALGORITHM);
        if (value == null || value.equals("SHA1")) {
            return HashAlgorithm.SHA1;
        }
        return value.equals("SHA256") ? HashAlgorithm.SHA256 : null;
    }

    /** @return whether the policy is canned ({@code Expires}, no {@code Policy}) */
    public boolean isCannedPolicy() {
        return value(POLICY) == null && value(EXPIRES) != null;
    }

    /**
     * @return the request URL without the signing parameters: what a canned policy's {@code Resource} is and
     *     what a custom policy's {@code Resource} is matched against; {@code null} when made from cookies alone
     */
    public String unsignedUrl() {
        return unsignedUrl;
    }

    /**
     * @return the policy text: the decoded {@code Policy}, or for a canned policy the JSON CloudFront rebuilds;
     *     {@code null} when it cannot be decoded or rebuilt (see {@link #problems()})
     */
    public String policyJson() {
        return policyBytes == null ? null : new String(policyBytes, StandardCharsets.UTF_8);
    }

    /** @return the policy's {@code Resource} (unverified), or {@code null} when absent or unreadable */
    public String resource() {
        PolicyDocument d = document();
        return d == null ? null : d.resource;
    }

    /** @return the policy's {@code DateLessThan} (unverified), or {@code null} when absent or unreadable */
    public Instant dateLessThan() {
        PolicyDocument d = document();
        return d == null || d.dateLessThan == null ? null : TimeText.toInstant(d.dateLessThan);
    }

    /** @return the policy's {@code DateGreaterThan} (unverified), or {@code null} when absent or unreadable */
    public Instant dateGreaterThan() {
        PolicyDocument d = document();
        return d == null || d.dateGreaterThan == null ? null : TimeText.toInstant(d.dateGreaterThan);
    }

    /** @return the policy's {@code IpAddress} {@code AWS:SourceIp} (unverified), or {@code null} */
    public String ipAddress() {
        PolicyDocument d = document();
        return d == null ? null : d.sourceIp;
    }

    /**
     * @return what could not be decoded, one sentence each: a malformed {@code Policy}, {@code Expires} or
     *     {@code Signature}, an unknown hash algorithm, policy JSON that is not a CloudFront statement, or a
     *     duplicated name; empty when everything decodes
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!isSigned()) {
            problems.add(unsignedExplanation());
            return problems;
        }
        if (keyPairId() == null || keyPairId().isEmpty()) {
            problems.add(keyPairId() == null ? "there is no " + name(KEY_PAIR_ID) : name(KEY_PAIR_ID) + " is empty");
        }
        if (policyProblem != null) {
            problems.add(policyProblem);
        }
        if (policyBytes != null && document() == null && documentProblem != null) {
            problems.add(documentProblem);
        }
        if (hashAlgorithm() == null) {
            problems.add(hashProblem());
        }
        if (signatureProblem != null) {
            problems.add(signatureProblem);
        }
        for (String duplicate : duplicates()) {
            problems.add(duplicate + " appears " + counts[indexOfName(duplicate)] + " times; the first is used");
        }
        return Collections.unmodifiableList(problems);
    }

    /**
     * @param p a signing parameter
     * @return its first value in this request, percent-decoded, or {@code null} when absent
     */
    public String value(SigningParameter p) {
        return values[p.ordinal()];
    }

    /**
     * @param p a signing parameter
     * @return the name this request carries it under: its query name for a signed URL, else its cookie name
     */
    public String name(SigningParameter p) {
        return source == CredentialSource.URL ? URL_NAMES[p.ordinal()] : COOKIE_NAMES[p.ordinal()];
    }

    /**
     * @return the {@code Signature} decoded from CloudFront's base64 (a copy), or {@code null} when it is absent,
     *     empty or not in that alphabet (see {@link #problems()})
     */
    public byte[] signature() {
        return signatureBytes == null ? null : signatureBytes.clone();
    }

    // ---- package-private view for the verifier ----

    ViewerRequest request() {
        return request;
    }

    String unsignedQuery() {
        return unsignedQuery;
    }

    byte[] policyBytes() {
        return policyBytes;
    }

    String policyProblem() {
        return policyProblem;
    }

    byte[] signatureBytes() {
        return signatureBytes;
    }

    String signatureProblem() {
        return signatureProblem;
    }

    /** The names sent more than once. */
    List<String> duplicates() {
        List<String> names = new ArrayList<>(0);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 1) {
                names.add(name(PARAMETERS[i]));
            }
        }
        return names;
    }

    /** How many times the request sent {@code p}. */
    int count(SigningParameter p) {
        return counts[p.ordinal()];
    }

    /** The statement: the canned one, or the custom policy parsed; {@code null} if unreadable. */
    PolicyDocument document() {
        PolicyDocument d = document;
        if (d != null || documentProblem != null || policyBytes == null) {
            return d;
        }
        if (isCannedPolicy()) {
            d = PolicyDocument.canned(unsignedUrl, Long.parseLong(value(EXPIRES)));
        } else {
            try {
                d = PolicyDocument.parse(new String(policyBytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                documentProblem = e.getMessage();
                return null;
            }
        }
        document = d;
        return d;
    }

    /** Why the policy JSON is not a readable statement, once {@link #document()} returned {@code null}. */
    String documentProblem() {
        return documentProblem;
    }

    String hashProblem() {
        return name(HASH_ALGORITHM) + " \"" + Validation.printable(value(HASH_ALGORITHM))
                + "\" is not SHA1 or SHA256, the values CloudFront documents (spelled exactly so)";
    }

    String unsignedExplanation() {
        return "the request carries no signing query parameter (Expires, Policy, Signature, Key-Pair-Id,"
                + " Hash-Algorithm) and no CloudFront-* signing cookie";
    }

    // ---- parsing ----

    /** Walks the query's {@code &}-separated parameters; records signing ones when {@code record} is set. */
    private boolean scanQuery(String query, boolean record) {
        boolean any = false;
        int start = 0;
        int length = query.length();
        while (start <= length) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? length : amp;
            int eq = query.indexOf('=', start);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            int index = index(URL_NAMES, query, start, nameEnd);
            if (index >= 0) {
                any = true;
                if (record) {
                    record(index, nameEnd < end ? query.substring(nameEnd + 1, end) : "");
                } else {
                    return true;
                }
            }
            start = end + 1;
        }
        return any;
    }

    /** Records the signing parameters and returns the query without them, the rest byte for byte. */
    private String removeSigningParameters(String query) {
        scanQuery(query, true);
        StringBuilder kept = null;
        int start = 0;
        int length = query.length();
        boolean first = true;
        while (start <= length) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? length : amp;
            int eq = query.indexOf('=', start);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            if (index(URL_NAMES, query, start, nameEnd) < 0) {
                if (kept == null) {
                    kept = new StringBuilder(query.length());
                }
                if (!first) {
                    kept.append('&');
                }
                kept.append(query, start, end);
                first = false;
            }
            start = end + 1;
        }
        return kept == null ? null : kept.toString();
    }

    private void record(int index, String rawValue) {
        if (index < 0) {
            return;
        }
        if (counts[index]++ == 0) {
            values[index] = PercentEncoding.decode(rawValue, false);
        }
    }

    private static int index(String[] names, String text, int start, int end) {
        int length = end - start;
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() == length && text.startsWith(names[i], start)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfName(String name) {
        int i = index(URL_NAMES, name, 0, name.length());
        return i >= 0 ? i : index(COOKIE_NAMES, name, 0, name.length());
    }

    private String checkExpires(String expires) {
        boolean digits = !expires.isEmpty() && expires.length() <= 19;
        for (int i = 0; i < expires.length() && digits; i++) {
            digits = expires.charAt(i) >= '0' && expires.charAt(i) <= '9';
        }
        if (digits) {
            try {
                Long.parseLong(expires);
                return null;
            } catch (NumberFormatException e) {
                // falls through: more than 2^63-1
            }
        }
        return name(EXPIRES) + " \"" + Validation.printable(expires)
                + "\" is not a whole number of epoch seconds (at most 9223372036854775807)";
    }
}
