/**
 * The demo's private media library as a Spring Boot application: the cloudfront-signed starter configured in
 * {@code application.properties}, Spring Security's form login, and the local edge in front of sample files.
 * Run with {@code mvn -B -pl examples-spring-boot -am -Prun -DskipTests package}.
 */
package io.github.cloudfrontsigned.examples.spring;
