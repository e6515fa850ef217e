package io.github.cloudfrontsigned.examples;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /api/downloads}: the downloads as JSON; their CDN links come out signed by {@code @CloudFrontSigned}. */
@Path("/downloads")
public final class DownloadsResource {

    /** The application property holding the CDN's base URL, for example {@code https://d111111abcdef8.cloudfront.net}. */
    static final String CDN_URL = "demo.cdn-url";

    @Context
    private Configuration configuration;

    /**
     * @param security the caller
     * @return {@code {"user":"alice","downloads":[{"name":"report.txt","url":"https://.../private/downloads/report.txt?Expires=..."}]}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @CloudFrontSigned(ttl = "5m")
    public String downloads(@Context SecurityContext security) {
        String cdn = (String) configuration.getProperty(CDN_URL);
        StringBuilder json = new StringBuilder("{\"user\":\"")
                .append(security.getUserPrincipal().getName())
                .append("\",\"downloads\":[");
        for (int i = 0; i < DemoFiles.DOWNLOADS.size(); i++) {
            String name = DemoFiles.DOWNLOADS.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(name)
                    .append("\",\"url\":\"")
                    .append(cdn)
                    .append("/private/downloads/")
                    .append(name)
                    .append("\"}");
        }
        return json.append("]}").toString();
    }
}
