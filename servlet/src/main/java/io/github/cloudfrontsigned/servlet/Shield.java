package io.github.cloudfrontsigned.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Lets the rewriter write to the container's stream or writer without flushing (committing) or closing it: the
 * application's flush and close reach the container through {@link BodyTarget}.
 */
final class Shield {

    private Shield() {
    }

    static OutputStream of(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        };
    }

    static Writer of(Writer out) {
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                out.write(cbuf, off, len);
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                out.write(str, off, len);
            }

            @Override
            public void write(int c) throws IOException {
                out.write(c);
            }

            @Override
            public void flush() {
                // see the class comment
            }

            @Override
            public void close() {
                // see the class comment
            }
        };
    }
}
