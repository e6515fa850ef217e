package io.github.cloudfrontsigned.runtime.war;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.KeyServiceProvider;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RefreshingPrivateKey;
import io.github.cloudfrontsigned.key.RemoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;

/**
 * A key store as {@code secretsmanager:} and {@code ssm:} are, for tests: {@code counting:/path/to/key.pem} fetches
 * the PEM file through {@link RefreshingPrivateKey} (so a refresh thread runs, once an hour) and appends one line
 * to {@code /path/to/key.pem.fetches} per fetch, which the test counts. A file rather than a static counter, because
 * the web application's class loader has its own copy of this class.
 */
public final class CountingKeyStore implements KeyServiceProvider {

    /** The scheme. */
    public static final String SCHEME = "counting";
    /** The name of the refresh thread (see {@link RefreshingPrivateKey}). */
    public static final String REFRESH_THREAD = "cloudfront-key-refresh";

    /** Found by {@code ServiceLoader}. */
    public CountingKeyStore() {}

    /** @return the file where the fetches of a key file are counted */
    public static Path fetchLog(Path pem) {
        return pem.resolveSibling(pem.getFileName() + ".fetches");
    }

    /** @return how many times the key file was fetched */
    public static long fetches(Path pem) throws IOException {
        Path log = fetchLog(pem);
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    @Override
    public PrivateKeyProvider privateKey(String location, ConfigLookup lookup) {
        Path pem = Path.of(location.substring(SCHEME.length() + 1));
        return RefreshingPrivateKey.start("counting key store " + pem.getFileName(), Duration.ofHours(1), () -> {
            Files.writeString(
                    fetchLog(pem),
                    "fetch\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return Keys.loadPrivateKey(KeySource.file(pem));
        });
    }

    @Override
    public RemoteSigner signer(String signer, ConfigLookup lookup) {
        throw new IllegalArgumentException("the counting key store holds private keys only");
    }
}
