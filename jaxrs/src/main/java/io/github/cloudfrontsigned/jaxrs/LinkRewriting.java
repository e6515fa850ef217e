package io.github.cloudfrontsigned.jaxrs;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * TEMPORARY seam until the core link rewriter ({@code io.github.cloudfrontsigned.rewrite.LinkRewriter}) lands
 * in main: the same shape, header values only, bodies unchanged.
 */
final class LinkRewriting {

    /** Stands for {@code io.github.cloudfrontsigned.rewrite.LinkSigner}. */
    interface LinkSigner {
        String signingParameters(String url);
    }

    private final List<String> prefixes;

    LinkRewriting(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    OutputStream wrap(OutputStream out, Charset charset, String contentType, String scheme, LinkSigner signer) {
        return out;
    }

    String rewrite(String value, LinkSigner signer) {
        for (String p : prefixes) {
            if (value.startsWith(p)) {
                String params = signer.signingParameters(value);
                return params == null ? value : value + (value.indexOf('?') >= 0 ? '&' : '?') + params;
            }
        }
        return value;
    }
}
