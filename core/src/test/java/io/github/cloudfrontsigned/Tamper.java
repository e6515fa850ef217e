package io.github.cloudfrontsigned;

import java.util.ArrayList;
import java.util.List;

/** Test helper: edits one query parameter of a signed URL, leaving every other byte as it was. */
public final class Tamper {

    private Tamper() {}

    /** Replaces the value of the first parameter called {@code name}. */
    public static String replace(String url, String name, String value) {
        return edit(url, name, name + "=" + value);
    }

    /** Removes the parameter called {@code name} (and its {@code &}). */
    public static String drop(String url, String name) {
        return edit(url, name, null);
    }

    /** The value of the first parameter called {@code name}. */
    public static String value(String url, String name) {
        for (String p : url.substring(url.indexOf('?') + 1).split("&")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    private static String edit(String url, String name, String replacement) {
        int q = url.indexOf('?');
        List<String> parts = new ArrayList<>(List.of(url.substring(q + 1).split("&", -1)));
        boolean done = false;
        for (int i = 0; i < parts.size() && !done; i++) {
            if (parts.get(i).startsWith(name + "=")) {
                if (replacement == null) {
                    parts.remove(i);
                } else {
                    parts.set(i, replacement);
                }
                done = true;
            }
        }
        if (!done) {
            throw new AssertionError(name + " not in " + url);
        }
        return url.substring(0, q) + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }
}
