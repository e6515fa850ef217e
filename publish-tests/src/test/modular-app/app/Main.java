package app;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContainerInitializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

/** Loads the private key file given as the argument, signs a URL, verifies it; prints one line for each. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        KeySource key = KeySource.file(Path.of(args[0]));
        CloudFrontSigner signer =
                CloudFrontSigner.builder().key("K2JCJMDEHXQW5F", key).build();
        String url = signer.signUrl("https://d111111abcdef8.cloudfront.net/private/a.jpg", Duration.ofMinutes(10));
        System.out.println("signed: " + url);

        Verdict verdict = CloudFrontVerifier.builder()
                .trustedKey("K2JCJMDEHXQW5F", Keys.publicKey(Keys.loadPrivateKey(key)))
                .build()
                .verify(url);
        System.out.println("verified: " + (verdict.isAllowed() ? "allowed" : verdict.code() + ": " + verdict.reason()));

        Filter filter = new CloudFrontSigningFilter();
        System.out.println("filter: " + filter.getClass().getModule().getName());
        ServiceLoader.load(ServletContainerInitializer.class).stream()
                .forEach(p -> System.out.println("initializer: " + p.type().getName() + " in "
                        + p.type().getModule().getName()));
    }
}
