package io.github.cloudfrontsigned.cli;

import static io.github.cloudfrontsigned.SigningParameter.EXPIRES;
import static io.github.cloudfrontsigned.SigningParameter.HASH_ALGORITHM;
import static io.github.cloudfrontsigned.SigningParameter.POLICY;
import static io.github.cloudfrontsigned.SigningParameter.SIGNATURE;

import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.internal.TimeText;
import io.github.cloudfrontsigned.internal.Validation;
import io.github.cloudfrontsigned.verify.CredentialSource;
import io.github.cloudfrontsigned.verify.SignedRequest;
import java.time.Instant;

/**
 * What {@code cloudfront-signed inspect} prints for a signed URL or signed cookies: source, policy type, key pair
 * ID, hash algorithm, signature size, the policy JSON and its conditions, times in UTC and relative to now, then
 * any problems. For people: the layout may change between versions. Thread safety: stateless.
 */
final class SigningDataText {

    private SigningDataText() {}

    /**
     * @param signed the decoded (unverified) signing data
     * @param now the instant relative times are counted from
     * @return the description, lines separated by {@code \n}
     */
    static String describe(SignedRequest signed, Instant now) {
        long nowSeconds = now.getEpochSecond();
        StringBuilder sb = new StringBuilder(512);
        if (!signed.isSigned()) {
            return sb.append("Not signed: ").append(signed.problems().get(0)).toString();
        }
        sb.append(signed.source() == CredentialSource.URL ? "Signed URL" : "Signed cookies")
                .append(", ")
                .append(
                        signed.value(POLICY) != null
                                ? "custom policy"
                                : signed.value(EXPIRES) != null ? "canned policy" : "no policy")
                .append('\n');
        line(sb, "Key pair ID", signed.keyPairId() == null ? "(missing)" : signed.keyPairId());
        String hash = signed.hashAlgorithmValue();
        line(
                sb,
                "Hash algorithm",
                hash == null
                        ? "SHA1 (the default: no " + signed.name(HASH_ALGORITHM) + ")"
                        : signed.hashAlgorithm() == null ? hash + " (not SHA1 or SHA256)" : hash);
        byte[] signature = signed.signature();
        line(
                sb,
                "Signature",
                signature != null
                        ? signature.length + " bytes" + signatureKind(signature)
                        : signed.value(SIGNATURE) == null
                                        || signed.value(SIGNATURE).isEmpty()
                                ? "(missing)"
                                : "(not in CloudFront's base64: see the problem below)");
        if (signed.isCannedPolicy()) {
            String expires = signed.value(EXPIRES);
            long epoch = epochSeconds(expires);
            line(
                    sb,
                    "Expires",
                    epoch < 0 ? expires : TimeText.instant(epoch) + ", " + TimeText.relative(epoch, nowSeconds));
        }
        String json = signed.policyJson();
        PolicyDocument d = null;
        if (json != null) {
            line(sb, signed.isCannedPolicy() ? "Policy (rebuilt)" : "Policy", Validation.printable(json));
            try {
                d = PolicyDocument.parse(json);
            } catch (IllegalArgumentException e) {
                // listed among the problems
            }
        }
        if (d != null) {
            line(sb, "Resource", d.resource == null ? "(none: every URL)" : d.resource);
            if (d.dateLessThan != null) {
                line(
                        sb,
                        "DateLessThan",
                        TimeText.instant(d.dateLessThan) + ", " + TimeText.relative(d.dateLessThan, nowSeconds));
            }
            if (d.dateGreaterThan != null) {
                line(
                        sb,
                        "DateGreaterThan",
                        TimeText.instant(d.dateGreaterThan) + ", " + TimeText.relative(d.dateGreaterThan, nowSeconds));
            }
            if (d.sourceIp != null) {
                line(sb, "IpAddress", d.sourceIp);
            }
        } else if (signed.isCannedPolicy() && signed.unsignedUrl() == null) {
            line(sb, "Resource", "(the requested URL: give the URL to see the canned policy)");
        }
        for (String problem : signed.problems()) {
            line(sb, "Problem", problem);
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** {@code Expires} as epoch seconds, or -1 when it is not a whole number that fits a {@code long}. */
    private static long epochSeconds(String expires) {
        if (expires.isEmpty() || expires.length() > 19 || !expires.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(label).append(':');
        for (int i = label.length(); i < 17; i++) {
            sb.append(' ');
        }
        sb.append(value).append('\n');
    }

    private static String signatureKind(byte[] signature) {
        if (signature.length >= 8 && signature.length <= 72 && signature[0] == 0x30) {
            return " (ECDSA, ASN.1 DER)";
        }
        if (signature.length == 64) {
            return " (ECDSA raw r||s? CloudFront expects ASN.1 DER)";
        }
        return signature.length >= 128 ? " (RSA-" + signature.length * 8 + ")" : "";
    }
}
