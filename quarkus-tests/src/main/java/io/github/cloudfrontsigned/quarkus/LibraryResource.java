package io.github.cloudfrontsigned.quarkus;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

/** A Quarkus REST resource as a user writes it: annotations only, configuration in application.properties. */
@Path("/library")
public class LibraryResource {

    /** A page linking a private file. */
    public static final String PAGE = "<img src=\"https://cdn.example.com/private/a.jpg\">";

    @Inject
    CloudFrontSigner signer;

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

    @GET
    @Path("url/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String url(@PathParam("name") String name) {
        return signer.signUrl("https://cdn.example.com/private/" + name, Duration.ofMinutes(1));
    }
}
