package io.github.cloudfrontsigned.jaxrs.app;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Resources whose annotations cannot work: each must stop the deployment. */
public final class MisconfiguredResources {

    private MisconfiguredResources() {}

    /** A TTL that is not a duration and a hash algorithm CloudFront does not know. */
    @Path("/bad-attributes")
    public static class BadAttributes {
        /** @return nothing useful */
        @GET
        @CloudFrontSigned(ttl = "soon", hashAlgorithm = "MD5")
        public String get() {
            return "x";
        }
    }

    /** A cookie placeholder that is no path parameter of the method. */
    @Path("/lessons/{lessonId}")
    public static class UnknownPlaceholder {
        /**
         * @param lessonId the lesson
         * @return nothing useful
         */
        @GET
        @CloudFrontSigned(cookies = "https://cdn.example.com/courses/{courseId}/*")
        public String get(@PathParam("lessonId") String lessonId) {
            return lessonId;
        }
    }

    /** A cookie resource on a host the configured cookie Domain does not cover. */
    @Path("/elsewhere")
    public static class UncoveredHost {
        /** @return nothing useful */
        @GET
        @CloudFrontSigned(cookies = "https://media.example.org/all/*")
        public String get() {
            return "x";
        }
    }

    /** No annotation at all. */
    @Path("/plain")
    public static class Plain {
        /** @return a protected link, never signed */
        @GET
        public String get() {
            return CatalogResource.PRIVATE + "a.txt";
        }
    }
}
