package io.github.cloudfrontsigned.examples;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.jaxrs.CloudFrontSignedFeature;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.request.CookieSpec;
import io.github.cloudfrontsigned.servlet.CloudFrontEdgeFilter;
import io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.FormAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.security.Password;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The demo on one embedded Jetty 12 server on 127.0.0.1: the application at {@code /} (form login, library page,
 * JSON API, download redirects; signing by {@link CloudFrontSigningFilter} and {@code @CloudFrontSigned}) and
 * the local edge at {@code /cdn} ({@link CloudFrontEdgeFilter} in front of the generated sample files).
 *
 * <p>Not thread-safe to build; the running server is.
 */
public final class DemoServer implements AutoCloseable {

    /** Demo users and their passwords, all in role {@code member}. */
    public static final Map<String, String> USERS = users();

    private final Server server;
    private final String baseUrl;
    private final String cdnUrl;
    private final String keyPairId;
    private final PrivateKey privateKey;

    private DemoServer(Server server, String baseUrl, String cdnUrl, String keyPairId, PrivateKey privateKey) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.cdnUrl = cdnUrl;
        this.keyPairId = keyPairId;
        this.privateKey = privateKey;
    }

    private static Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("alice", "wonderland");
        users.put("bob", "builder");
        return java.util.Collections.unmodifiableMap(users);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code http://127.0.0.1:<port>}, no trailing slash */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the URL the links point to: the local edge {@code http://127.0.0.1:<port>/cdn} or a real distribution */
    public String cdnUrl() {
        return cdnUrl;
    }

    /** @return the key pair ID the demo signs with */
    public String keyPairId() {
        return keyPairId;
    }

    /** @return the private key the demo signs with (for tests that sign their own URLs) */
    PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Waits until the server stops.
     *
     * @throws InterruptedException if interrupted
     */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the demo server", e);
        }
    }

    /** Builds and starts a {@link DemoServer}. */
    public static final class Builder {
        private Path dataDir;
        private int port = 8080;
        private String cdnUrl;
        private String keyPairId;
        private PrivateKey privateKey;
        private Clock signerClock = Clock.systemUTC();
        private Clock edgeClock = Clock.systemUTC();

        private Builder() {}

        /**
         * @param dataDir where the generated key and sample files are kept between runs
         * @return this builder
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /**
         * @param port the TCP port on 127.0.0.1; {@code 0} for any free port
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Signs for a real CloudFront distribution instead of the local edge.
         *
         * @param cdnUrl for example {@code https://d111111abcdef8.cloudfront.net}, no trailing slash
         * @return this builder
         */
        public Builder cdnUrl(String cdnUrl) {
            this.cdnUrl = cdnUrl;
            return this;
        }

        /**
         * Signs with this key instead of a generated one.
         *
         * @param keyPairId the key pair ID CloudFront shows for the public key
         * @param privateKey the private key
         * @return this builder
         */
        public Builder key(String keyPairId, PrivateKey privateKey) {
            this.keyPairId = Objects.requireNonNull(keyPairId, "keyPairId");
            this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
            return this;
        }

        /**
         * @param clock the clock of the application's signer (tests)
         * @return this builder
         */
        public Builder signerClock(Clock clock) {
            this.signerClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param clock the clock of the local edge's verifier (tests: advance it to see links expire)
         * @return this builder
         */
        public Builder edgeClock(Clock clock) {
            this.edgeClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Generates what is missing in the data folder and starts the server.
         *
         * @return the running server
         * @throws IllegalStateException if the server cannot start (port in use...)
         */
        public DemoServer start() {
            Objects.requireNonNull(dataDir, "dataDir");
            if (privateKey == null) {
                DemoFiles.DemoKey key = DemoFiles.key(dataDir);
                keyPairId = key.keyPairId();
                privateKey = key.privateKey();
            }
            Path files = DemoFiles.sampleFiles(dataDir, List.copyOf(USERS.keySet()));

            Server server = new Server();
            ServerConnector connector = new ServerConnector(server, 1, 1);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            try {
                connector.open();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(
                        "cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                                + "); choose another port with -Ddemo.port=8081",
                        e);
            }
            String base = "http://127.0.0.1:" + connector.getLocalPort();
            String cdn = cdnUrl != null ? cdnUrl : base + "/cdn";

            CloudFrontSigner signer = CloudFrontSigner.builder()
                    .key(keyPairId, privateKey)
                    .clock(signerClock)
                    .build();
            CookieAttributes cookieAttributes =
                    CookieAttributes.builder().secure(cdn.startsWith("https:")).build();
            SigningConfiguration signing = SigningConfiguration.builder()
                    .signer(signer)
                    .protectedPrefixes(List.of(cdn + "/private/"))
                    .urlTtl(Duration.ofMinutes(10))
                    .cookie(CookieSpec.of(cdn + "/members/*", cookieAttributes))
                    .cookie(CookieSpec.of(cdn + "/users/{user}/*", cookieAttributes))
                    .cookieTtl(Duration.ofHours(1))
                    .requireAuthenticated(true)
                    .build();

            ContextHandlerCollection contexts = new ContextHandlerCollection();
            contexts.addHandler(application(signing, cdn));
            CloudFrontVerifier verifier = CloudFrontVerifier.builder()
                    .trustedKey(keyPairId, Keys.publicKey(privateKey))
                    .clock(edgeClock)
                    .build();
            contexts.addHandler(edge(verifier, files));
            server.setHandler(contexts);
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // already failing
                }
                throw new IllegalStateException("the demo server did not start: " + e.getMessage(), e);
            }
            return new DemoServer(server, base, cdn, keyPairId, privateKey);
        }

        private static ServletContextHandler application(SigningConfiguration signing, String cdn) {
            ServletContextHandler app = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
            // The session lives in a cookie only: no ;jsessionid= in the login redirect or in links.
            app.getSessionHandler().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
            app.setSecurityHandler(security());

            FilterHolder signingFilter = new FilterHolder(new CloudFrontSigningFilter(signing));
            signingFilter.setName("cloudfront-signing");
            EnumSet<DispatcherType> dispatch = EnumSet.of(DispatcherType.REQUEST);
            app.addFilter(signingFilter, "/library", dispatch);
            app.addFilter(signingFilter, "/download/*", dispatch);

            app.addServlet(new ServletHolder(new Pages.Login()), "/login");
            app.addServlet(new ServletHolder(new Pages.Logout(signing.cookies())), "/logout");
            ServletHolder favicon = new ServletHolder(new Pages.Favicon());
            app.addServlet(favicon, "/favicon.svg");
            app.addServlet(favicon, "/favicon.ico");
            app.addServlet(new ServletHolder(new Pages.Home()), "");
            app.addServlet(new ServletHolder(new Pages.Library(cdn)), "/library");
            app.addServlet(new ServletHolder(new Pages.Download(cdn)), "/download/*");

            ResourceConfig api = new ResourceConfig()
                    .register(DownloadsResource.class)
                    .property(DownloadsResource.CDN_URL, cdn)
                    .register(new CloudFrontSignedFeature(signing))
                    .property("jersey.config.server.wadl.disableWadl", true)
                    // no jakarta.activation here: without this, Jersey warns at start that its DataSource writer is
                    // not available (CommonProperties.PROVIDER_DEFAULT_DISABLE)
                    .property("jersey.config.disableDefaultProvider", "DATASOURCE");
            app.addServlet(new ServletHolder(new ServletContainer(api)), "/api/*");
            return app;
        }

        private static ConstraintSecurityHandler security() {
            UserStore store = new UserStore();
            USERS.forEach((name, password) -> store.addUser(name, new Password(password), new String[] {"member"}));
            HashLoginService login = new HashLoginService("cloudfront-signed demo");
            login.setUserStore(store);

            ConstraintSecurityHandler security = new ConstraintSecurityHandler();
            security.setLoginService(login);
            security.setAuthenticator(new FormAuthenticator("/login", "/login?error", false));
            ConstraintMapping members = new ConstraintMapping();
            members.setPathSpec("/*");
            members.setConstraint(Constraint.from("member"));
            security.addConstraintMapping(members);
            for (String open : List.of("/login", "/favicon.svg", "/favicon.ico")) {
                ConstraintMapping page = new ConstraintMapping();
                page.setPathSpec(open);
                page.setConstraint(Constraint.ALLOWED);
                security.addConstraintMapping(page);
            }
            return security;
        }

        private static ServletContextHandler edge(CloudFrontVerifier verifier, Path files) {
            ServletContextHandler edge = new ServletContextHandler("/cdn");
            edge.setBaseResourceAsPath(files);
            edge.getMimeTypes().addMimeMapping("m3u8", "application/vnd.apple.mpegurl");
            edge.getMimeTypes().addMimeMapping("ts", "video/mp2t");
            FilterHolder edgeFilter = new FilterHolder(new CloudFrontEdgeFilter(verifier));
            edgeFilter.setName("cloudfront-edge");
            edge.addFilter(edgeFilter, "/*", EnumSet.of(DispatcherType.REQUEST));
            ServletHolder content = new ServletHolder("files", DefaultServlet.class);
            content.setInitParameter("dirAllowed", "false");
            edge.addServlet(content, "/");
            return edge;
        }
    }
}
