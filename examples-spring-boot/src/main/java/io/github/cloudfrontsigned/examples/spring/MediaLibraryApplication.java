package io.github.cloudfrontsigned.examples.spring;

import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The private media library: pages with plain links to the CDN, which the starter's filter signs, and cookies for
 * the members' gallery and each user's folder. Nothing here calls cloudfront-signed: it is all in
 * {@code application.properties}.
 */
@SpringBootApplication
@RestController
public class MediaLibraryApplication {

    /** Demo users and their passwords. */
    static final List<String[]> USERS = List.of(new String[] {"alice", "wonderland"}, new String[] {"bob", "builder"});

    private final String cdn;

    MediaLibraryApplication(@Value("${demo.cdn-url}") String cdn) {
        this.cdn = cdn;
    }

    /**
     * Prepares the key and sample files in {@code demo.data-dir} (default {@code target/demo-data}) and starts.
     *
     * @param args Spring Boot arguments, for example {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MediaLibraryApplication.class);
        application.setDefaultProperties(
                DemoData.prepare(dataDir(), USERS.stream().map(u -> u[0]).toList()));
        String port = application.run(args).getEnvironment().getProperty("local.server.port");
        System.out.println("\nPrivate media library: http://127.0.0.1:" + port + "/library  (users: alice/wonderland,"
                + " bob/builder; the local CloudFront is at /cdn)\n");
    }

    static Path dataDir() {
        return Path.of(System.getProperty("demo.data-dir", "target/demo-data"));
    }

    @GetMapping(value = "/library", produces = "text/html;charset=UTF-8")
    String library(Principal user) {
        String name = HtmlUtils.htmlEscape(user.getName());
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Private media library</title>"
                + "</head><body><h1>Private media library</h1><p>Signed in as " + name
                + " (<a href=\"/logout\">sign out</a>)</p><h2>Photos (signed URLs)</h2>");
        for (String photo : DemoData.PHOTOS) {
            html.append("<img alt=\"")
                    .append(photo)
                    .append("\" src=\"")
                    .append(cdn)
                    .append("/private/photos/")
                    .append(photo)
                    .append("\">");
        }
        html.append("<h2>Downloads (redirect to a signed URL)</h2><ul>");
        for (String download : DemoData.DOWNLOADS) {
            html.append("<li><a href=\"/download/")
                    .append(download)
                    .append("\">")
                    .append(download)
                    .append("</a></li>");
        }
        html.append("</ul><h2>Members' gallery (signed cookies)</h2><img alt=\"gallery\" src=\"")
                .append(cdn)
                .append("/members/")
                .append(DemoData.GALLERY)
                .append("\"><h2>Your folder (signed cookies)</h2>")
                .append("<a href=\"")
                .append(cdn)
                .append("/users/")
                .append(name)
                .append("/notes.txt\">notes.txt</a>")
                .append("</body></html>");
        return html.toString();
    }

    @GetMapping("/download/{name}")
    ResponseEntity<Void> download(@PathVariable("name") String name) {
        if (!DemoData.DOWNLOADS.contains(name)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, cdn + "/private/downloads/" + name)
                .build();
    }

    @GetMapping("/")
    ResponseEntity<Void> home() {
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, "/library")
                .build();
    }

    /** Form login for people, HTTP Basic for scripts; the local edge and Actuator are open. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/cdn/**", "/actuator/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(USERS.stream()
                .map(u -> User.withUsername(u[0])
                        .password("{noop}" + u[1])
                        .roles("MEMBER")
                        .build())
                .toList());
    }
}
