package io.github.cloudfrontsigned.runtime.war;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;

/** A JAX-RS application whose one {@code @CloudFrontSigned} resource redirects to a protected file. */
public final class Api extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Download.class);
    }

    /** Redirects to a protected file; the {@code Location} is signed. */
    @Path("download")
    public static final class Download {
        /** @return the redirect */
        @GET
        @CloudFrontSigned
        public Response get() {
            return Response.seeOther(URI.create(Page.CDN + "b.mp4")).build();
        }
    }
}
