package io.github.cloudfrontsigned.spring.edge;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Embedded Tomcat 11 for {@link FilesApp}, whichever servers are on the class path. */
@Configuration(proxyBeanMethods = false)
public class OnTomcat {

    @Bean
    TomcatServletWebServerFactory tomcat() {
        return new TomcatServletWebServerFactory();
    }
}
