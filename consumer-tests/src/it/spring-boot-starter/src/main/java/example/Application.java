package example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** A page with one protected link, written as if no library were there. */
    @GetMapping(path = "/page", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return "<html><body><img src=\"https://cdn.example.com/private/cat.jpg\"></body></html>";
    }
}
