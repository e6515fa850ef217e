package io.github.cloudfrontsigned.jaxrs.app;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import io.github.cloudfrontsigned.jaxrs.CloudFrontSignedFeature;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Links, redirects and entities in every common media type, signed or not. */
@Path("/catalog")
public class CatalogResource {

    /** The CDN. */
    public static final String CDN = "https://cdn.example.com";
    /** The protected prefix. */
    public static final String PRIVATE = CDN + "/private/";
    /** An HTML page with protected links in attributes, an {@code &amp;} and a public link. */
    public static final String PAGE = "<!DOCTYPE html>\n<html><body>\n<video src=\"" + PRIVATE + "videos/intro.mp4\">"
            + "</video>\n<img src='" + PRIVATE + "img/a.png?w=1&amp;h=2' alt=\"a\">\n<a href=\"" + CDN
            + "/public/about.html\">About</a>\n</body></html>\n";

    @Context
    private Providers providers;

    /**
     * @param n how many items
     * @param posters {@code false} to leave out the posters (one protected link per item instead of two)
     * @return the items, signed
     */
    @GET
    @Path("items")
    @Produces(MediaType.APPLICATION_JSON)
    @CloudFrontSigned
    public List<Item> items(
            @QueryParam("n") @DefaultValue("3") int n, @QueryParam("posters") @DefaultValue("true") boolean posters) {
        return unsignedItems(n, posters);
    }

    /**
     * @param n how many items
     * @param posters {@code false} to leave out the posters
     * @return the same items, not signed
     */
    @GET
    @Path("items-unsigned")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Item> unsignedItems(
            @QueryParam("n") @DefaultValue("3") int n, @QueryParam("posters") @DefaultValue("true") boolean posters) {
        List<Item> items = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Item item = Item.number(i);
            if (!posters) {
                item.poster = null;
            }
            items.add(item);
        }
        return items;
    }

    /** @return {@link #PAGE}, signed */
    @GET
    @Path("page")
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned
    public String page() {
        return PAGE;
    }

    /** @return {@link #PAGE} with a strong ETag and an explicit Content-Length, signed */
    @GET
    @Path("tagged")
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned
    public Response tagged() {
        return Response.ok(PAGE)
                .tag("v1")
                .header("Content-Length", PAGE.getBytes(StandardCharsets.UTF_8).length)
                .build();
    }

    /** @return an XML document with a protected link, signed */
    @GET
    @Path("xml")
    @Produces(MediaType.APPLICATION_XML)
    @CloudFrontSigned
    public String xml() {
        return "<?xml version=\"1.0\"?>\n<lesson><video href=\"" + PRIVATE + "videos/x.mp4?a=1&amp;b=2\"/></lesson>\n";
    }

    /** @return plain text with a protected link, signed */
    @GET
    @Path("text")
    @Produces(MediaType.TEXT_PLAIN)
    @CloudFrontSigned
    public String text() {
        return "Download: " + PRIVATE + "files/notes.txt\n";
    }

    /** @return bytes of a media type that is not rewritten, holding a protected link */
    @GET
    @Path("binary")
    @Produces("application/octet-stream")
    @CloudFrontSigned
    public byte[] binary() {
        return ("\u0000" + PRIVATE + "files/a.bin\u0000").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param name a file name
     * @return a 303 redirect to the protected file, signed for 5 minutes
     */
    @GET
    @Path("download/{name}")
    @CloudFrontSigned(ttl = "5m")
    public Response download(@PathParam("name") String name) {
        return Response.seeOther(URI.create(PRIVATE + "files/" + name)).build();
    }

    /** @return 201 with a Location and a preload Link header, both signed */
    @POST
    @Path("uploads")
    @CloudFrontSigned
    public Response upload() {
        return Response.created(URI.create(PRIVATE + "uploads/1.bin"))
                .header("Link", "<" + PRIVATE + "fonts/a.woff2>; rel=preload; as=font")
                .build();
    }

    /** @return 403 with a protected link in its body and Location: nothing is signed */
    @GET
    @Path("forbidden")
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned
    public Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN)
                .entity(PAGE)
                .location(URI.create(PRIVATE + "x"))
                .build();
    }

    /** @return a streamed text body whose protected link is split across two writes and a flush */
    @GET
    @Path("streamed")
    @Produces(MediaType.TEXT_PLAIN)
    @CloudFrontSigned
    public StreamingOutput streamed() {
        return out -> {
            out.write(("first " + CDN + "/priv").getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write("ate/videos/split.mp4 last\n".getBytes(StandardCharsets.UTF_8));
        };
    }

    /** @return Latin-1 text with a protected link among non-ASCII characters */
    @GET
    @Path("latin1")
    @Produces("text/plain; charset=ISO-8859-1")
    @CloudFrontSigned
    public String latin1() {
        return "Caf\u00e9 \u00bd: " + PRIVATE + "menu.pdf \u00fc\n";
    }

    /** @return text with a link CloudFront cannot sign as a canned policy (a '*'), next to a signable one */
    @GET
    @Path("unsignable")
    @Produces(MediaType.TEXT_PLAIN)
    @CloudFrontSigned
    public String unsignable() {
        return PRIVATE + "a*b.mp4 " + PRIVATE + "ok.mp4\n";
    }

    /**
     * @return {@link #PAGE}, gzip-compressed by the method, with {@code Content-Encoding: gzip}
     * @throws IOException never
     */
    @GET
    @Path("compressed")
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned
    public Response compressed() throws IOException {
        return Response.ok(gzip(PAGE)).header("Content-Encoding", "gzip").build();
    }

    /**
     * @param text text
     * @return its UTF-8 bytes, gzip-compressed
     * @throws IOException never
     */
    public static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** @return one item signed with SHA-256 */
    @GET
    @Path("sha256")
    @Produces(MediaType.APPLICATION_JSON)
    @CloudFrontSigned(hashAlgorithm = "SHA256")
    public Item sha256() {
        return Item.number(1);
    }

    /** @return text with a link under another prefix, which this method protects instead */
    @GET
    @Path("media")
    @Produces(MediaType.TEXT_PLAIN)
    @CloudFrontSigned(protectedPrefixes = "https://media.example.com/hd/")
    public String media() {
        return "https://media.example.com/hd/a.mp4 " + PRIVATE + "b.mp4\n";
    }

    /** @return a redirect bound to the client's address */
    @GET
    @Path("bound")
    @CloudFrontSigned(ipBinding = CloudFrontSigned.IpBinding.BIND)
    public Response bound() {
        return Response.seeOther(URI.create(PRIVATE + "files/bound.pdf")).build();
    }

    /** @return an item whose video URL the method signed itself with the injected signer */
    @GET
    @Path("manual")
    @Produces(MediaType.APPLICATION_JSON)
    public Item manual() {
        Item item = Item.number(7);
        item.video = CloudFrontSignedFeature.signer(providers).signUrl(item.video, Duration.ofMinutes(10));
        return item;
    }
}
