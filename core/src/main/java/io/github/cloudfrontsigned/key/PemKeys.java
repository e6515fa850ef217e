package io.github.cloudfrontsigned.key;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMDecryptor;
import org.bouncycastle.openssl.bc.BcPEMDecryptorProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.encoders.Hex;

/**
 * Turns the bytes of a {@link KeySource} into a PKCS#8 {@code PrivateKeyInfo} or a {@code SubjectPublicKeyInfo}:
 * PEM tokenizing, DER sniffing, PKCS#1 / SEC1 wrapping and decryption. Checks of the key type and curve are
 * left to {@link Keys}. No message built here contains key material; at most a PEM label, a cipher name or an
 * OID.
 *
 * <p>Thread safety: stateless.
 */
final class PemKeys {

    private PemKeys() {}

    /** One {@code -----BEGIN X----- ... -----END X-----} block. The body is kept as base64 text. */
    static final class PemBlock {
        final String label;
        final Map<String, String> headers;
        final String base64;

        PemBlock(String label, Map<String, String> headers, String base64) {
            this.label = label;
            this.headers = headers;
            this.base64 = base64;
        }

        boolean legacyEncrypted() {
            String procType = headers.get("proc-type");
            return procType != null && procType.toUpperCase(Locale.ROOT).contains("ENCRYPTED");
        }
    }

    /** What a DER structure looks like, judged by its shape alone. */
    enum DerKind {
        PKCS8("a PKCS#8 private key"),
        ENCRYPTED_PKCS8("an encrypted PKCS#8 private key"),
        RSA_PKCS1("a PKCS#1 RSA private key"),
        EC_SEC1("a SEC1 EC private key"),
        DSA_TRADITIONAL("a DSA private key"),
        SPKI("a public key (SubjectPublicKeyInfo)"),
        RSA_PUBLIC_PKCS1("a PKCS#1 RSA public key"),
        CERTIFICATE("an X.509 certificate"),
        UNKNOWN("an unrecognised DER structure");

        final String text;

        DerKind(String text) {
            this.text = text;
        }

        boolean isPrivate() {
            return this == PKCS8
                    || this == ENCRYPTED_PKCS8
                    || this == RSA_PKCS1
                    || this == EC_SEC1
                    || this == DSA_TRADITIONAL;
        }

        boolean isPublic() {
            return this == SPKI || this == RSA_PUBLIC_PKCS1 || this == CERTIFICATE;
        }
    }

    private static final List<String> PRIVATE_LABELS = List.of(
            "PRIVATE KEY",
            "RSA PRIVATE KEY",
            "EC PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY",
            "DSA PRIVATE KEY",
            "OPENSSH PRIVATE KEY",
            "ANY PRIVATE KEY");
    private static final List<String> PUBLIC_LABELS =
            List.of("PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE", "X509 CERTIFICATE");

    static final String ENCRYPTED_NO_PASSPHRASE = "the key is encrypted: set a passphrase with"
            + " KeySource.withPassphrase(...), or store the key unencrypted"
            + " (openssl pkey -in encrypted.pem -out private_key.pem)";

    private static final Pattern ARMOUR = Pattern.compile("-----(BEGIN|END) ([A-Z0-9 ]+)-----");

    // ---------------------------------------------------------------------------------------------------------
    // Entry points

    /** Reads a private key as PKCS#8 {@code PrivateKeyInfo}, decrypting it if needed. */
    static PrivateKeyInfo readPrivateKeyInfo(KeySource.Content content, char[] passphrase) {
        String source = content.description;
        Object parsed = sniff(content);
        if (parsed instanceof byte[]) {
            return privateFromDer(source, (byte[]) parsed, null, passphrase, "the key data");
        }
        @SuppressWarnings("unchecked")
        List<PemBlock> blocks = (List<PemBlock>) parsed;
        ASN1Primitive ecParameters = null;
        List<String> other = new ArrayList<>();
        for (PemBlock block : blocks) {
            if (block.label.equals("EC PARAMETERS")) {
                ecParameters = parseDer(source, decode(source, block), block);
                other.add(block.label);
            } else if (PRIVATE_LABELS.contains(block.label)) {
                return privateFromBlock(source, block, ecParameters, passphrase);
            } else {
                other.add(block.label);
            }
        }
        for (String label : other) {
            if (PUBLIC_LABELS.contains(label)) {
                throw new KeyLoadingException(
                        source,
                        "it contains "
                                + (label.endsWith("CERTIFICATE") ? "a certificate" : "a public key") + " (PEM '" + label
                                + "'), but a private key is needed to sign: give the private key file the public key was made"
                                + " from (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
            }
        }
        throw new KeyLoadingException(
                source,
                "no private key found: the PEM text has no PRIVATE KEY," + " RSA PRIVATE KEY or EC PRIVATE KEY block"
                        + found(other));
    }

    /** Reads a public key as {@code SubjectPublicKeyInfo}, from a public key or a certificate. */
    static SubjectPublicKeyInfo readPublicKeyInfo(KeySource.Content content) {
        String source = content.description;
        Object parsed = sniff(content);
        if (parsed instanceof byte[]) {
            return publicFromDer(source, (byte[]) parsed, "the key data");
        }
        @SuppressWarnings("unchecked")
        List<PemBlock> blocks = (List<PemBlock>) parsed;
        List<String> other = new ArrayList<>();
        for (PemBlock block : blocks) {
            if (PUBLIC_LABELS.contains(block.label)) {
                return publicFromDer(source, decode(source, block), "the PEM block '" + block.label + "'");
            }
            other.add(block.label);
        }
        for (String label : other) {
            if (PRIVATE_LABELS.contains(label)) {
                throw new KeyLoadingException(
                        source,
                        "it contains a private key (PEM '" + label
                                + "'), but a public key is needed here: export the public half with"
                                + " openssl pkey -in private_key.pem -pubout -out public_key.pem,"
                                + " or use Keys.publicKey(Keys.loadPrivateKey(source))");
            }
        }
        throw new KeyLoadingException(
                source,
                "no public key found: the PEM text has no PUBLIC KEY," + " RSA PUBLIC KEY or CERTIFICATE block"
                        + found(other));
    }

    private static String found(List<String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        List<String> quoted = new ArrayList<>();
        for (String label : labels) {
            quoted.add("'" + label + "'");
        }
        return " (found " + String.join(", ", quoted) + ")";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sniffing: PEM text, bare base64, or binary DER

    /** Returns either the PEM blocks ({@code List<PemBlock>}) or DER bytes ({@code byte[]}). */
    static Object sniff(KeySource.Content content) {
        String source = content.description;
        byte[] bytes = content.bytes;
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.isBlank()
                || (content.text && text.replace("\\n", "").replace("\\r", "").isBlank())) {
            throw new KeyLoadingException(
                    source, "it is empty: expected a PEM key" + " (-----BEGIN PRIVATE KEY----- ...) or DER bytes");
        }
        if (text.contains("-----BEGIN ")) {
            if (content.text) {
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            return parsePem(source, text);
        }
        // Bare base64; line breaks may have arrived as the two characters \n (never valid base64, so safe to drop).
        String compact = text.replace("\\r", "").replace("\\n", "").replaceAll("\\s+", "");
        if (isBase64(compact)) {
            try {
                return Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException e) {
                throw new KeyLoadingException(
                        source,
                        "it is neither PEM (no -----BEGIN line) nor valid base64"
                                + " of a DER key (the base64 is malformed or truncated)");
            }
        }
        if (content.text || isPrintableText(bytes)) {
            throw new KeyLoadingException(
                    source,
                    "it is text but neither PEM (no -----BEGIN line) nor base64" + " of a DER key"
                            + KeyText.unsupportedFormatHint(text));
        }
        return bytes;
    }

    private static boolean isBase64(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '/'
                    || c == '=';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrintableText(byte[] bytes) {
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x09 || (c > 0x0d && c < 0x20) || c == 0x7f) {
                return false;
            }
            if (c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // PEM tokenizer

    /**
     * Splits PEM text into blocks. Tolerates CRLF, blank lines, indentation, text outside blocks (such as
     * openssl's "Bag Attributes"), line breaks that arrived as the two characters {@code \n}, and line breaks
     * that were turned into spaces.
     */
    static List<PemBlock> parsePem(String source, String text) {
        String t = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n");
        // Put every BEGIN / END marker on a line of its own (for PEM whose newlines became spaces).
        Matcher m = ARMOUR.matcher(t);
        StringBuilder sb = new StringBuilder(t.length() + 16);
        while (m.find()) {
            m.appendReplacement(sb, "\n" + Matcher.quoteReplacement(m.group()) + "\n");
        }
        m.appendTail(sb);
        String[] lines = sb.toString().split("\r\n|\r|\n");

        List<PemBlock> blocks = new ArrayList<>();
        String label = null;
        Map<String, String> headers = null;
        StringBuilder body = null;
        for (String raw : lines) {
            String line = raw.strip();
            Matcher armour = ARMOUR.matcher(line);
            boolean isArmour = armour.matches();
            if (label == null) {
                if (isArmour && armour.group(1).equals("BEGIN")) {
                    label = armour.group(2).strip();
                    headers = new LinkedHashMap<>();
                    body = new StringBuilder();
                } else if (isArmour) {
                    throw new KeyLoadingException(
                            source,
                            "the PEM text has an '-----END " + armour.group(2)
                                    + "-----' line without a BEGIN line before it: the key text is damaged");
                }
                continue;
            }
            if (isArmour) {
                if (armour.group(1).equals("BEGIN")) {
                    throw new KeyLoadingException(
                            source,
                            "the PEM block '" + label + "' has no '-----END " + label
                                    + "-----' line before the next BEGIN line: the key text is truncated");
                }
                String endLabel = armour.group(2).strip();
                if (!endLabel.equals(label)) {
                    throw new KeyLoadingException(
                            source,
                            "the PEM block '" + label + "' ends with '-----END " + endLabel
                                    + "-----': the BEGIN and END lines do not match, the key text is damaged");
                }
                blocks.add(new PemBlock(label, Collections.unmodifiableMap(headers), body.toString()));
                label = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && body.length() == 0) {
                // RFC 1421 header such as "Proc-Type: 4,ENCRYPTED" or "DEK-Info: AES-256-CBC,...".
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
                continue;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (!Character.isWhitespace(c)) {
                    body.append(c);
                }
            }
        }
        if (label != null) {
            throw new KeyLoadingException(
                    source,
                    "the PEM block '" + label + "' has no '-----END " + label
                            + "-----' line: the key text is truncated (copy the whole key, including the END line)");
        }
        return blocks;
    }

    /** Strictly decodes a block's base64 body. */
    static byte[] decode(String source, PemBlock block) {
        if (block.base64.isEmpty()) {
            throw new KeyLoadingException(source, "the PEM block '" + block.label + "' is empty");
        }
        try {
            return Base64.getDecoder().decode(block.base64);
        } catch (IllegalArgumentException e) {
            throw new KeyLoadingException(
                    source,
                    "the PEM block '" + block.label + "' is not valid base64:"
                            + " the key text is damaged or truncated (copy it again, unchanged)");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // DER

    /** Parses exactly one DER object, with no trailing bytes. */
    static ASN1Primitive parseDer(String source, byte[] der, PemBlock block) {
        return parseDer(source, der, block == null ? "the key data" : "the PEM block '" + block.label + "'");
    }

    private static ASN1Primitive parseDer(String source, byte[] der, String what) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (Exception e) {
            throw new KeyLoadingException(
                    source,
                    what + " is not valid DER: the key is damaged or truncated" + " ("
                            + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses without throwing; null if the bytes are not exactly one DER object. */
    private static ASN1Primitive tryParseDer(byte[] der) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (Exception e) {
            return null;
        }
    }

    static DerKind classify(ASN1Primitive p) {
        if (!(p instanceof ASN1Sequence)) {
            return DerKind.UNKNOWN;
        }
        ASN1Sequence s = (ASN1Sequence) p;
        int n = s.size();
        if (n < 2) {
            return DerKind.UNKNOWN;
        }
        ASN1Encodable e0 = s.getObjectAt(0);
        ASN1Encodable e1 = s.getObjectAt(1);
        if (e0 instanceof ASN1Integer) {
            boolean allIntegers = true;
            for (ASN1Encodable e : s) {
                allIntegers &= e instanceof ASN1Integer;
            }
            if (allIntegers && n == 2) {
                return DerKind.RSA_PUBLIC_PKCS1; // SEQUENCE { modulus, publicExponent }
            }
            ASN1Integer version = (ASN1Integer) e0;
            boolean v0 = version.hasValue(0);
            boolean v1 = version.hasValue(1);
            if ((v0 || v1) && n >= 3 && e1 instanceof ASN1Sequence && s.getObjectAt(2) instanceof ASN1OctetString) {
                return DerKind.PKCS8;
            }
            if (v1 && e1 instanceof ASN1OctetString) {
                return DerKind.EC_SEC1;
            }
            if (v0 && allIntegers && n == 6) {
                return DerKind.DSA_TRADITIONAL;
            }
            if ((v0 && allIntegers && n == 9) || (v1 && n == 10 && s.getObjectAt(9) instanceof ASN1Sequence)) {
                return DerKind.RSA_PKCS1; // two-prime, or multi-prime with otherPrimeInfos
            }
            return DerKind.UNKNOWN;
        }
        if (e0 instanceof ASN1Sequence) {
            if (n == 2 && e1 instanceof ASN1OctetString) {
                return DerKind.ENCRYPTED_PKCS8;
            }
            if (n == 2 && e1 instanceof ASN1BitString) {
                return DerKind.SPKI;
            }
            if (n == 3 && e1 instanceof ASN1Sequence && s.getObjectAt(2) instanceof ASN1BitString) {
                return DerKind.CERTIFICATE;
            }
        }
        return DerKind.UNKNOWN;
    }

    private static PrivateKeyInfo privateFromBlock(
            String source, PemBlock block, ASN1Primitive ecParameters, char[] passphrase) {
        String what = "the PEM block '" + block.label + "'";
        switch (block.label) {
            case "DSA PRIVATE KEY":
                throw new KeyLoadingException(source, KeyTypes.DSA_NOT_SUPPORTED);
            case "OPENSSH PRIVATE KEY":
                throw new KeyLoadingException(
                        source,
                        "the OpenSSH private key format (BEGIN OPENSSH PRIVATE KEY) is"
                                + " not supported: convert a copy of the key to PKCS#8 with"
                                + " ssh-keygen -p -m PKCS8 -f private_key_copy, or create the key with openssl");
            default:
                break;
        }
        byte[] der = decode(source, block);
        if (block.legacyEncrypted()) {
            der = decryptLegacy(source, block, der, passphrase);
            what = "the decrypted PEM block '" + block.label + "'";
        }
        return privateFromDer(source, der, ecParameters, passphrase, what);
    }

    private static PrivateKeyInfo privateFromDer(
            String source, byte[] der, ASN1Primitive ecParameters, char[] passphrase, String what) {
        ASN1Primitive p = parseDer(source, der, what);
        DerKind kind = classify(p);
        try {
            switch (kind) {
                case PKCS8:
                    return PrivateKeyInfo.getInstance(p);
                case ENCRYPTED_PKCS8:
                    return decryptPkcs8(source, p, passphrase);
                case RSA_PKCS1:
                    return new PrivateKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                            RSAPrivateKey.getInstance(p));
                case EC_SEC1:
                    return wrapSec1(source, ECPrivateKey.getInstance(p), ecParameters);
                case DSA_TRADITIONAL:
                    throw new KeyLoadingException(source, KeyTypes.DSA_NOT_SUPPORTED);
                default:
                    break;
            }
        } catch (KeyLoadingException e) {
            throw e;
        } catch (Exception e) {
            throw new KeyLoadingException(
                    source,
                    what + " does not hold a valid " + kind.text.replaceFirst("^an? ", "") + ": the key is damaged ("
                            + e.getClass().getSimpleName() + ")");
        }
        if (kind.isPublic()) {
            throw new KeyLoadingException(
                    source,
                    what + " is " + kind.text + ", but a private key is needed to sign:"
                            + " give the private key the public key was made from");
        }
        throw new KeyLoadingException(
                source,
                what + " is not a private key: expected PKCS#8 (BEGIN PRIVATE KEY),"
                        + " PKCS#1 (BEGIN RSA PRIVATE KEY) or SEC1 (BEGIN EC PRIVATE KEY)");
    }

    private static PrivateKeyInfo wrapSec1(String source, ECPrivateKey ec, ASN1Primitive ecParameters)
            throws java.io.IOException {
        ASN1Encodable params = ec.getParametersObject();
        if (params == null) {
            params = ecParameters;
        }
        if (params == null) {
            throw new KeyLoadingException(
                    source,
                    "the EC private key names no curve (no parameters in the key and no"
                            + " EC PARAMETERS block before it): regenerate it with"
                            + " openssl ecparam -name prime256v1 -genkey -noout -out private_key.pem");
        }
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, params), ec);
    }

    private static SubjectPublicKeyInfo publicFromDer(String source, byte[] der, String what) {
        ASN1Primitive p = parseDer(source, der, what);
        DerKind kind = classify(p);
        try {
            switch (kind) {
                case SPKI:
                    return SubjectPublicKeyInfo.getInstance(p);
                case CERTIFICATE:
                    return Certificate.getInstance(p).getSubjectPublicKeyInfo();
                case RSA_PUBLIC_PKCS1:
                    return new SubjectPublicKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                            RSAPublicKey.getInstance(p));
                default:
                    break;
            }
        } catch (Exception e) {
            throw new KeyLoadingException(
                    source,
                    what + " does not hold a valid " + kind.text.replaceFirst("^an? ", "") + ": the key is damaged ("
                            + e.getClass().getSimpleName() + ")");
        }
        if (kind.isPrivate()) {
            throw new KeyLoadingException(
                    source,
                    what + " is " + kind.text + ", but a public key is needed here:"
                            + " export the public half with openssl pkey -in private_key.pem -pubout -out public_key.pem,"
                            + " or use Keys.publicKey(Keys.loadPrivateKey(source))");
        }
        throw new KeyLoadingException(
                source,
                what + " is not a public key: expected SubjectPublicKeyInfo"
                        + " (BEGIN PUBLIC KEY), PKCS#1 (BEGIN RSA PUBLIC KEY) or an X.509 certificate");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Decryption

    private static PrivateKeyInfo decryptPkcs8(String source, ASN1Primitive encrypted, char[] passphrase) {
        if (passphrase == null) {
            throw new KeyLoadingException(source, ENCRYPTED_NO_PASSPHRASE);
        }
        PKCS8EncryptedPrivateKeyInfo info =
                new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(encrypted));
        String scheme = info.getEncryptionAlgorithm().getAlgorithm().getId();
        InputDecryptorProvider decryptor;
        try {
            decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BcHolder.PROVIDER)
                    .build(passphrase);
        } catch (OperatorCreationException e) {
            throw new KeyLoadingException(
                    source,
                    "cannot set up decryption of the encrypted key ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        PrivateKeyInfo decrypted;
        try {
            decrypted = info.decryptPrivateKeyInfo(decryptor);
        } catch (Exception e) {
            if (hasCause(e, OperatorCreationException.class)) {
                throw new KeyLoadingException(
                        source,
                        "the key is encrypted with a scheme that is not supported (OID "
                                + scheme
                                + "): re-encrypt it with openssl pkcs8 -topk8 -v2 aes-256-cbc -in private_key.pem"
                                + " -out encrypted.pem");
            }
            throw wrongPassphrase(source);
        }
        // A wrong passphrase can, rarely, decrypt to bytes with valid padding; they will not be a key.
        byte[] plain = null;
        try {
            plain = decrypted.getEncoded(ASN1Encoding.DER);
            ASN1Primitive p = tryParseDer(plain);
            if (p == null || classify(p) != DerKind.PKCS8) {
                throw wrongPassphrase(source);
            }
            return PrivateKeyInfo.getInstance(p);
        } catch (KeyLoadingException e) {
            throw e;
        } catch (Exception e) {
            throw wrongPassphrase(source);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] decryptLegacy(String source, PemBlock block, byte[] der, char[] passphrase) {
        if (passphrase == null) {
            throw new KeyLoadingException(source, ENCRYPTED_NO_PASSPHRASE);
        }
        String dekInfo = block.headers.get("dek-info");
        int comma = dekInfo == null ? -1 : dekInfo.indexOf(',');
        if (comma <= 0) {
            throw new KeyLoadingException(
                    source,
                    "the encrypted PEM block '" + block.label
                            + "' has no valid DEK-Info header: the key text is damaged");
        }
        String cipher = dekInfo.substring(0, comma).strip();
        byte[] iv;
        try {
            iv = Hex.decode(dekInfo.substring(comma + 1).strip());
        } catch (RuntimeException e) {
            throw new KeyLoadingException(
                    source,
                    "the DEK-Info header of the encrypted PEM block '" + block.label
                            + "' has a malformed IV: the key text is damaged");
        }
        PEMDecryptor decryptor;
        try {
            decryptor = new BcPEMDecryptorProvider(passphrase).get(cipher);
        } catch (Exception e) {
            throw new KeyLoadingException(
                    source,
                    "the key is encrypted with " + cipher + ", which is not supported:"
                            + " re-encrypt it with openssl pkcs8 -topk8 -v2 aes-256-cbc -in private_key.pem -out encrypted.pem");
        }
        byte[] plain;
        try {
            plain = decryptor.decrypt(der, iv);
        } catch (Exception e) {
            if (e.getMessage() != null && e.getMessage().startsWith("unknown encryption")) {
                throw new KeyLoadingException(
                        source,
                        "the key is encrypted with " + cipher + ", which is not supported:"
                                + " re-encrypt it with openssl pkcs8 -topk8 -v2 aes-256-cbc -in private_key.pem -out encrypted.pem");
            }
            throw wrongPassphrase(source);
        }
        ASN1Primitive p = tryParseDer(plain);
        DerKind kind = p == null ? DerKind.UNKNOWN : classify(p);
        if (!kind.isPrivate() || kind == DerKind.ENCRYPTED_PKCS8) {
            Arrays.fill(plain, (byte) 0);
            throw wrongPassphrase(source);
        }
        return plain;
    }

    private static KeyLoadingException wrongPassphrase(String source) {
        return new KeyLoadingException(
                source,
                "the key could not be decrypted: the passphrase is wrong"
                        + " (or the encrypted key is damaged); check the passphrase given to KeySource.withPassphrase(...)");
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** A BouncyCastle provider instance used only for PKCS#8 decryption; never registered globally. */
    private static final class BcHolder {
        static final Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }
}
