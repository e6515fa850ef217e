package example;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

@Path("/library")
public class LibraryResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned
    public String page() {
        return "<img src=\"https://cdn.example.com/private/cat.jpg\">";
    }

    /** Serialized by Jackson (quarkus-rest-jackson), then signed. */
    @GET
    @Path("/cover")
    @Produces(MediaType.APPLICATION_JSON)
    @CloudFrontSigned(cookies = "https://cdn.example.com/members/*")
    public Map<String, String> cover() {
        return Map.of("image", "https://cdn.example.com/private/dog.jpg");
    }
}
