package io.github.cloudfrontsigned.spring.edge;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A Spring Boot application that serves files (Spring's static resources from {@code classpath:/static/}) behind
 * the starter's local edge, without Spring Security (whose firewall would refuse most hostile spellings before the
 * edge sees them): what the edge alone does. Start it with {@link OnTomcat} or {@link OnJetty} as a second source.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
        })
public class FilesApp {}
