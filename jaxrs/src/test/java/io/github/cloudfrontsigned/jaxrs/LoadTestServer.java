package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.jaxrs.app.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The server of the {@code wrk} load test (not a unit test): Jersey on Jetty at {@code 127.0.0.1:<port>} with the
 * test application, so {@code /api/catalog/items?n=100} (a JSON-B list of 100 items, 200 protected links,
 * {@code @CloudFrontSigned}) and {@code /api/catalog/items-unsigned?n=100} (the same list, unannotated) can be
 * compared, and {@link FourWayResource}'s other ways to serve the signed list ({@code /api/fourway/presigned}
 * (the fair limit: signed once, serialized per request), {@code limit} (ready bytes), {@code sdk}, {@code signer}). RSA-2048, SHA-1, 5-minute expiry granularity: a warm signature cache. Run by
 * {@code jaxrs/load-test.sh}.
 */
public final class LoadTestServer {

    private LoadTestServer() {}

    /**
     * @param args the port (default 8090)
     * @throws Exception if the server does not start
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPrivate())
                .expiryGranularity(Duration.ofMinutes(5))
                .build();
        ResourceConfig config = new ResourceConfig();
        config.registerClasses(TestApplication.CLASSES);
        config.register(FourWayResource.class);
        FourWayResource.signer = signer;
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.register(new CloudFrontSignedFeature(
                SigningConfiguration.builder().signer(signer).protectedPrefixes(List.of(CatalogResource.PRIVATE))));
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(new ServletContainer(config));
        holder.setInitOrder(1);
        context.addServlet(holder, "/api/*");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        HttpClient client = HttpClient.newHttpClient();
        for (boolean posters : new boolean[] {true, false}) {
            FourWayResource.READY.put(
                    posters,
                    client.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                                    + "/api/catalog/items?n=100&posters=" + posters))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .body());
        }
        System.out.println("READY http://127.0.0.1:" + port + "/api/catalog/items?n=100 and /api/fourway/"
                + "{presigned,limit,sdk,signer}?n=100");
        server.join();
    }
}
