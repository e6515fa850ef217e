package io.github.cloudfrontsigned.jaxrs.app;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Signed cookies per course and per user; the method authorizes (here: refuses when asked to). */
@Path("/courses/{courseId}")
@CloudFrontSigned(
        cookies = {"https://cdn.example.com/courses/{courseId}/*", "https://cdn.example.com/users/{user}/*"},
        cookieTtl = "2h")
public class CourseResource {

    /**
     * @param courseId the course
     * @param deny any value: answer 403
     * @return the course, or 403
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response course(@PathParam("courseId") String courseId, @HeaderParam("X-Deny") String deny) {
        if (deny != null) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        Item item = Item.number(1);
        item.name = courseId;
        return Response.ok(item).build();
    }
}
