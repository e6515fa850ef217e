package io.github.cloudfrontsigned;
// TEMPORARY STUB: replaced by the keys branch.
import java.security.*;
import java.security.interfaces.*;
import java.security.spec.*;
import java.util.*;
public final class Keys {
    private Keys() {}
    public static PrivateKey loadPrivateKey(KeySource source) {
        try {
            String pem = source.text != null ? source.text : new String(java.nio.file.Files.readAllBytes(source.path));
            String b64 = pem.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(b64);
            try { return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)); }
            catch (Exception e) { return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)); }
        } catch (Exception e) { throw new KeyLoadingException("Cannot load key from " + source.description() + ": " + e.getClass().getSimpleName()); }
    }
    public static PublicKey publicKey(PrivateKey k) {
        if (k instanceof ECPrivateKey) { return null; }
        try {
            RSAPrivateCrtKey r = (RSAPrivateCrtKey) k;
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(r.getModulus(), r.getPublicExponent()));
        } catch (Exception e) { throw new IllegalArgumentException(e); }
    }
    public static PublicKey loadPublicKey(KeySource source) {
        try {
            String pem = new String(java.nio.file.Files.readAllBytes(source.path));
            String b64 = pem.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(b64);
            try { return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)); }
            catch (Exception e) { return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)); }
        } catch (Exception e) { throw new KeyLoadingException("Cannot load key from " + source.description() + ": " + e.getClass().getSimpleName()); }
    }
    public static String fingerprint(PublicKey k) { return "stub"; }
    public static String describe(Key k) { return k.getAlgorithm(); }
    static void checkSupported(Key k, String d) {}
}
