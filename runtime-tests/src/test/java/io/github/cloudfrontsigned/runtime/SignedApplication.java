package io.github.cloudfrontsigned.runtime;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;

/** A JAX-RS application whose one resource redirects to a protected file; the feature is discovered. */
public final class SignedApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Download.class);
    }

    /** Redirects to a protected file. */
    @Path("download")
    public static final class Download {
        /** @return a redirect whose {@code Location} is signed */
        @GET
        @CloudFrontSigned
        public Response get() {
            return Response.seeOther(URI.create(WarApp.CDN + "b.mp4")).build();
        }
    }
}
