package example;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/library")
public class LibraryResource {
    @GET
    @Produces(MediaType.TEXT_HTML)
    @CloudFrontSigned
    public String page() {
        return "<img src=\"https://cdn.example.com/private/dog.jpg\">";
    }
}
