package io.github.cloudfrontsigned.spring.edge;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Embedded Jetty 12 for {@link FilesApp}, whichever servers are on the class path. */
@Configuration(proxyBeanMethods = false)
public class OnJetty {

    @Bean
    JettyServletWebServerFactory jetty() {
        return new JettyServletWebServerFactory();
    }
}
