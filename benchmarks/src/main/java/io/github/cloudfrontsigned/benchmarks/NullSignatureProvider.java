package io.github.cloudfrontsigned.benchmarks;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureSpi;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A JCA provider whose "signatures" cost nothing: fixed bytes of the real length (256 for RSA-2048, 71 for a
 * typical ECDSA P-256 DER signature). Installed first in {@link Security}'s list, it is what
 * {@code SignatureProvider.JDK} resolves to, so a real {@code CloudFrontSigner} runs its whole cold path
 * (validation, policy, JCA dispatch, base64, cache, URL assembly) with the signature operation taken out.
 * For {@link SigningOverheadBenchmark} only; it signs nothing CloudFront would accept.
 */
final class NullSignatureProvider extends Provider {

    private static final long serialVersionUID = 1L;
    static final String NAME = "NullSignature";
    static final int RSA_LENGTH = 256;
    static final int ECDSA_LENGTH = 71;

    private NullSignatureProvider() {
        super(NAME, "1.0", "fixed-output signatures for measuring everything but the signature operation");
        for (String name : new String[] {"SHA1withRSA", "SHA256withRSA"}) {
            putService(new NullService(this, name, "RSA", RSA_LENGTH));
        }
        for (String name : new String[] {"SHA1withECDSA", "SHA256withECDSA"}) {
            putService(new NullService(this, name, "EC", ECDSA_LENGTH));
        }
    }

    /** Puts the provider first in the JVM's list. */
    static void install() {
        if (Security.getProvider(NAME) == null) {
            Security.insertProviderAt(new NullSignatureProvider(), 1);
        }
    }

    /** Takes it out again. */
    static void uninstall() {
        Security.removeProvider(NAME);
    }

    /** @return the {@code Signature} parameter value a null signature of {@code length} bytes gives */
    static String encodedSignature(int length) {
        return Base64.getEncoder()
                .encodeToString(new byte[length])
                .replace('+', '-')
                .replace('=', '_')
                .replace('/', '~');
    }

    private static final class NullService extends Provider.Service {
        private final String keyAlgorithm;
        private final int length;

        NullService(Provider provider, String algorithm, String keyAlgorithm, int length) {
            super(provider, "Signature", algorithm, NullSignature.class.getName(), null, null);
            this.keyAlgorithm = keyAlgorithm;
            this.length = length;
        }

        @Override
        public boolean supportsParameter(Object key) {
            return "RSA".equals(keyAlgorithm) ? key instanceof RSAKey : key instanceof ECKey;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return new NullSignature(length);
        }
    }

    /** Reads nothing, returns zeros of the real length. */
    static final class NullSignature extends SignatureSpi {
        private final byte[] output;

        NullSignature(int length) {
            output = new byte[length];
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            throw new InvalidKeyException("NullSignatureProvider only signs");
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) {}

        @Override
        protected void engineUpdate(byte b) {}

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {}

        @Override
        protected byte[] engineSign() {
            return Arrays.copyOf(output, output.length);
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) {
            return false;
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
