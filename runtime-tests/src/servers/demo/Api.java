package demo;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

@ApplicationPath("/api")
public class Api extends Application {
    @Path("download")
    public static class Download {
        @Inject
        CloudFrontSigner signer;

        @GET
        @CloudFrontSigned
        public Response get() {
            return Response.seeOther(URI.create("https://cdn.example.com/private/b.mp4"))
                    .build();
        }

        @GET
        @Path("injected")
        public String injected() {
            return signer.signUrl("https://cdn.example.com/private/c.mp4", Duration.ofMinutes(5));
        }
    }
}
