package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.jaxrs.app.Item;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

/**
 * The load test's other ways to serve {@link CatalogResource#items}'s signed list (issues 17 and 22): the same
 * items signed once and serialized per request (the fair limit), as a ready byte array (a bytes-only ceiling that
 * skips the serialization), signing each link with the AWS SDK while building the list, and signing each link
 * with {@link CloudFrontSigner#signUrl}. Not a unit test resource.
 */
@Path("/fourway")
@Produces(MediaType.APPLICATION_JSON)
public class FourWayResource {

    /** The annotated endpoint's response bodies, by {@code posters}, fetched once the server runs. */
    static final Map<Boolean, byte[]> READY = new ConcurrentHashMap<>();

    static volatile CloudFrontSigner signer;
    private static final Map<String, List<Item>> PRESIGNED = new ConcurrentHashMap<>();
    private static final CloudFrontUtilities SDK = CloudFrontUtilities.create();

    /**
     * @param posters as for {@link CatalogResource#items}
     * @return the signed list as {@code @CloudFrontSigned} wrote it, ready bytes
     */
    @GET
    @Path("limit")
    public byte[] limit(@QueryParam("posters") @DefaultValue("true") boolean posters) {
        return READY.get(posters);
    }

    /**
     * The fair limit of {@code @CloudFrontSigned}: the same list through the same JSON-B serialization, its links
     * signed once (on the first request for these parameters, during the warm-up) instead of per response.
     *
     * @param n how many items
     * @param posters as for {@link CatalogResource#items}
     * @return the list signed in advance
     */
    @GET
    @Path("presigned")
    public List<Item> presigned(
            @QueryParam("n") @DefaultValue("3") int n, @QueryParam("posters") @DefaultValue("true") boolean posters) {
        return PRESIGNED.computeIfAbsent(
                n + "/" + posters, key -> signed(n, posters, url -> signer.signUrl(url, Duration.ofMinutes(10))));
    }

    /**
     * @param n how many items
     * @param posters as for {@link CatalogResource#items}
     * @return the list, each link signed with the AWS SDK
     */
    @GET
    @Path("sdk")
    public List<Item> sdk(
            @QueryParam("n") @DefaultValue("3") int n, @QueryParam("posters") @DefaultValue("true") boolean posters) {
        Instant expires = Instant.now().plus(Duration.ofMinutes(10));
        return signed(
                n,
                posters,
                url -> SDK.getSignedUrlWithCannedPolicy(CannedSignerRequest.builder()
                                .resourceUrl(url)
                                .keyPairId(TestKeys.KEY_PAIR_ID)
                                .privateKey(TestKeys.RSA.getPrivate())
                                .expirationDate(expires)
                                .build())
                        .url());
    }

    /**
     * @param n how many items
     * @param posters as for {@link CatalogResource#items}
     * @return the list, each link signed with {@link CloudFrontSigner#signUrl}
     */
    @GET
    @Path("signer")
    public List<Item> signer(
            @QueryParam("n") @DefaultValue("3") int n, @QueryParam("posters") @DefaultValue("true") boolean posters) {
        return signed(n, posters, url -> signer.signUrl(url, Duration.ofMinutes(10)));
    }

    private static List<Item> signed(int n, boolean posters, UnaryOperator<String> sign) {
        List<Item> items = new CatalogResource().unsignedItems(n, posters);
        for (Item item : items) {
            item.video = sign.apply(item.video);
            if (item.poster != null) {
                item.poster = sign.apply(item.poster);
            }
        }
        return items;
    }
}
