/**
 * Test helpers shared by the tests of several modules (servlet, jaxrs, jaxrs-resteasy-tests, aws): a real Jetty 12
 * server on 127.0.0.1 ({@link io.github.cloudfrontsigned.testing.TestServer}). Not published, used in test scope
 * only. The HTTP client and the signature checks the tests share are in core's test-jar ({@code TestHttp},
 * {@code Signatures}), which has no container.
 */
package io.github.cloudfrontsigned.testing;
