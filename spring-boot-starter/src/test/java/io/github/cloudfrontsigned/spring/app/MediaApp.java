package io.github.cloudfrontsigned.spring.app;

import io.github.cloudfrontsigned.servlet.CloudFrontAccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small Spring Boot application as a user writes it: pages with links to private files, Spring Security with
 * two users, the starter on the class path and an access-policy bean. No component scan: what it has is listed.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({MediaApp.Pages.class, TestSecurity.class})
public class MediaApp {

    /** The page links: one ordinary private file, one the access policy keeps unsigned. */
    public static final String PAGE = "<img src=\"https://cdn.example.com/private/a.jpg\">"
            + "<img src=\"https://cdn.example.com/private/secret/b.jpg\">";

    /** The application's access policy as a bean: no link under {@code /private/secret/} is signed. */
    @Bean
    CloudFrontAccessPolicy noSecrets() {
        return new CloudFrontAccessPolicy() {
            @Override
            public boolean allowsLink(HttpServletRequest request, String url) {
                return !url.contains("/private/secret/");
            }
        };
    }

    /** HTML pages and the files a local edge would guard. */
    @RestController
    public static class Pages {
        @GetMapping(
                value = {"/public/page", "/members/page"},
                produces = "text/html")
        public String page() {
            return PAGE;
        }

        @GetMapping(value = "/cdn/{name}", produces = "text/plain")
        public String file(@PathVariable("name") String name) {
            return "file " + name;
        }
    }
}
