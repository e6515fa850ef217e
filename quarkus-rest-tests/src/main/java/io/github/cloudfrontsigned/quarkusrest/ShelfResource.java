package io.github.cloudfrontsigned.quarkusrest;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned.IpBinding;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * A Quarkus REST resource as a user writes it from the README: annotations only, configuration in
 * application.properties, Jackson for JSON, no servlet layer.
 */
@Path("/shelf")
public class ShelfResource {

    /** The private file every response links. */
    public static final String FILE = "https://cdn.example.com/private/a.jpg";
    /** A page linking it. */
    public static final String PAGE = "<img src=\"" + FILE + "\">";

    /** A JSON entity with a link, written by Jackson. */
    public record Book(String title, String cover) {}

    @GET
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned
    public String page() {
        return PAGE;
    }

    @GET
    @Path("unsigned")
    @Produces(MediaType.TEXT_HTML)
    public String unsigned() {
        return PAGE;
    }

    @GET
    @Path("book")
    @Produces(MediaType.APPLICATION_JSON)
    @CloudFrontSigned
    public Book book() {
        return new Book("A", FILE);
    }

    @GET
    @Path("bound")
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned(ipBinding = IpBinding.BIND)
    public String bound() {
        return PAGE;
    }

    @GET
    @Path("members")
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned(cookies = "https://cdn.example.com/members/*", cookieTtl = "2h")
    public String members() {
        return "<p>members</p>";
    }

    @GET
    @Path("download/{name}")
    @CloudFrontSigned(ttl = "5m")
    public Response download(@PathParam("name") String name) {
        return Response.seeOther(URI.create("https://cdn.example.com/private/" + name))
                .build();
    }
}
