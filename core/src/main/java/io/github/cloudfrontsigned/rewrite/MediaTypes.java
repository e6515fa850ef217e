package io.github.cloudfrontsigned.rewrite;

import java.util.Locale;
import java.util.Set;

/** Parsing of {@code Content-Type} values and the mapping from media type to scanner syntax. Stateless. */
final class MediaTypes {

    static final Set<String> DEFAULTS = Set.of(
            "text/html",
            "application/xhtml+xml",
            "text/css",
            "application/json",
            "text/json",
            "text/javascript",
            "application/javascript",
            "application/x-javascript",
            "application/ecmascript",
            "text/ecmascript",
            "application/xml",
            "text/xml",
            "application/vnd.apple.mpegurl",
            "audio/mpegurl",
            "application/x-mpegurl",
            "audio/x-mpegurl",
            "application/dash+xml",
            "*/*+xml",
            "*/*+json");

    private MediaTypes() {}

    /** The lower-case {@code type/subtype} of a {@code Content-Type} value, or {@code null} if malformed. */
    static String essence(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String essence =
                (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1 || essence.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        for (int i = 0; i < essence.length(); i++) {
            char c = essence.charAt(i);
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"[]?={}".indexOf(c) >= 0) {
                return null;
            }
        }
        return essence;
    }

    static boolean matches(String contentType, Set<String> mediaTypes) {
        String essence = essence(contentType);
        if (essence == null) {
            return false;
        }
        if (mediaTypes.contains(essence)) {
            return true;
        }
        int slash = essence.indexOf('/');
        int plus = essence.lastIndexOf('+');
        for (String entry : mediaTypes) {
            String e = entry.toLowerCase(Locale.ROOT).trim();
            if (e.equals(essence)
                    || e.endsWith("/*") && e.regionMatches(0, essence, 0, slash + 1) && e.length() == slash + 2
                    || e.equals("*/*")
                    || e.startsWith("*/*+")
                            && plus > slash
                            && essence.substring(plus).equals(e.substring(3))) {
                return true;
            }
        }
        return false;
    }

    /** The scanner syntax for a media type: HTML, XML, TEXT, or SNIFF when unknown. */
    static int syntax(String contentType) {
        String essence = essence(contentType);
        if (essence == null) {
            return LinkScanner.SNIFF;
        }
        if (essence.equals("text/html")) {
            return LinkScanner.HTML;
        }
        if (essence.endsWith("/xml") || essence.endsWith("+xml")) {
            return LinkScanner.XML;
        }
        return LinkScanner.TEXT;
    }
}
