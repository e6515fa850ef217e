package io.github.cloudfrontsigned.examples;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /api/downloads}: the downloads as JSON; their CDN links come out signed by {@code @CloudFrontSigned}. */
@Path("/downloads")
public final class DownloadsResource {

    private final String cdn;

    DownloadsResource(String cdn) {
        this.cdn = cdn;
    }

    /**
     * @param security the caller
     * @return {@code {"user":"alice","downloads":[{"name":"report.txt","url":"https://.../private/downloads/report.txt?Expires=..."}]}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @CloudFrontSigned(ttl = "5m")
    public String downloads(@Context SecurityContext security) {
        StringBuilder json = new StringBuilder("{\"user\":\"").append(security.getUserPrincipal().getName())
                .append("\",\"downloads\":[");
        for (int i = 0; i < DemoFiles.DOWNLOADS.size(); i++) {
            String name = DemoFiles.DOWNLOADS.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(name).append("\",\"url\":\"").append(cdn)
                    .append("/private/downloads/").append(name).append("\"}");
        }
        return json.append("]}").toString();
    }
}
