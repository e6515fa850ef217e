package io.github.cloudfrontsigned.servlet;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Function;

/** TEMPORARY seam until the core link rewriter lands: header signing only, bodies unchanged. */
final class LinkRewriting {

    private final List<String> prefixes;

    LinkRewriting(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    OutputStream wrap(OutputStream out, Charset charset, String contentType, String scheme,
            Function<String, String> signer) {
        return out;
    }

    Writer wrap(Writer out, String contentType, String scheme, Function<String, String> signer) {
        return out;
    }

    String rewrite(String value, Function<String, String> signer) {
        for (String p : prefixes) {
            if (value.startsWith(p)) {
                String params = signer.apply(value);
                return params == null ? value : value + (value.indexOf('?') >= 0 ? '&' : '?') + params;
            }
        }
        return value;
    }
}
