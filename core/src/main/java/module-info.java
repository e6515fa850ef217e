/**
 * cloudfront-signed core: signing, keys, verification, configuration and link rewriting for Amazon CloudFront
 * signed URLs and signed cookies. No {@code jakarta.*}: the servlet, JAX-RS and framework modules adapt it.
 *
 * <p>Exported: the public face ({@code io.github.cloudfrontsigned}) and the capability packages {@code key},
 * {@code verify}, {@code config}, {@code request} and {@code rewrite}. Not exported: {@code io.github.cloudfrontsigned.internal}
 * (wire-format helpers, not API). MicroProfile Config and the OpenTelemetry API are optional ({@code requires static}); key services such as
 * the {@code aws} module are found with {@link java.util.ServiceLoader}.
 */
module io.github.cloudfrontsigned.core {
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires static org.eclipse.microprofile.config;
    requires static io.opentelemetry.api;

    exports io.github.cloudfrontsigned;
    exports io.github.cloudfrontsigned.key;
    exports io.github.cloudfrontsigned.verify;
    exports io.github.cloudfrontsigned.config;
    exports io.github.cloudfrontsigned.request;
    exports io.github.cloudfrontsigned.rewrite;
    exports io.github.cloudfrontsigned.metrics;
    // Not API: bounded log text for the command line's edge (qualified export, as SmallRye Config does).
    exports io.github.cloudfrontsigned.internal to
            io.github.cloudfrontsigned.cli;

    uses io.github.cloudfrontsigned.config.KeyServiceProvider;
}
