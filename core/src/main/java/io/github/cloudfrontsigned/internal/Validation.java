package io.github.cloudfrontsigned.internal;

/**
 * Input checks shared by policies, URLs and cookies; every message names the value, the offending
 * character and its position, and the fix. Thread safety: stateless.
 */
public final class Validation {

    private Validation() {}

    /**
     * Checks a policy {@code Resource}: the characters CloudFront can match and that keep the policy JSON
     * intact, and a scheme CloudFront accepts.
     */
    public static void checkResource(String resource) {
        checkCharacters(resource, "Resource");
        if (resource.equals("*")
                || resource.startsWith("http://")
                || resource.startsWith("https://")
                || resource.startsWith("*://")
                || resource.startsWith("*")) {
            if (resource.startsWith("http://") || resource.startsWith("https://")) {
                checkHost(resource, "Resource");
            }
            return;
        }
        throw new IllegalArgumentException("Resource \"" + resource + "\" must start with http://, https:// or"
                + " *:// (or be *), as CloudFront requires");
    }

    /** Checks a URL that is signed or becomes a canned policy's resource. */
    public static void checkUrl(String url, String what) {
        checkCharacters(url, what);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException(
                    what + " \"" + url + "\" must be an absolute URL starting with" + " http:// or https://");
        }
        checkHost(url, what);
    }

    private static void checkHost(String url, String what) {
        int start = url.indexOf("://") + 3;
        if (start >= url.length() || url.charAt(start) == '/' || url.charAt(start) == '?') {
            throw new IllegalArgumentException(what + " \"" + url + "\" has no host after the scheme");
        }
    }

    static void checkCharacters(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String problem = null;
            if (c == '"' || c == '\\') {
                problem = "would break the policy JSON; percent-encode it";
            } else if (c < 0x20 || c == 0x7f) {
                problem = "is not allowed";
            } else if (c == ' ') {
                problem = "is not allowed; percent-encode it as %20 (see ResourceUrls)";
            } else if (c == '#') {
                problem = "starts a fragment, which browsers never send; remove the fragment or encode it as %23";
            } else if (c > 0x7e) {
                problem = "is not ASCII; percent-encode it as UTF-8 (see ResourceUrls), or use punycode for a host";
            }
            if (problem != null) {
                throw new IllegalArgumentException(what + " \"" + printable(value) + "\": character "
                        + CloudFrontBase64.describe(c) + " at position " + i + " " + problem);
            }
        }
    }

    /** Makes a value safe to show in a message: control characters become \\uXXXX escapes. */
    public static String printable(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Validates an IPv4 address or CIDR range for {@code AWS:SourceIp}; a bare address becomes {@code /32}.
     */
    public static String normalizeIpAddress(String value) {
        String v = value.trim();
        if (v.indexOf(':') >= 0 && v.indexOf('"') < 0) {
            throw new IllegalArgumentException("IpAddress \"" + value + "\" is IPv6: CloudFront's IpAddress condition"
                    + " accepts only one IPv4 address or CIDR range");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '/') {
                throw new IllegalArgumentException("IpAddress \"" + printable(value) + "\": character "
                        + CloudFrontBase64.describe(c) + " at position " + i
                        + " is not allowed; give one IPv4 address (192.0.2.7) or CIDR range (192.0.2.0/24)");
            }
        }
        int slash = v.indexOf('/');
        String address = slash < 0 ? v : v.substring(0, slash);
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("IpAddress \"" + value + "\": \"" + address
                    + "\" is not an IPv4 address of four dot-separated numbers");
        }
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || Integer.parseInt(part) > 255
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                throw new IllegalArgumentException("IpAddress \"" + value + "\": \"" + part
                        + "\" is not a number from 0 to 255 without leading zeros");
            }
        }
        if (slash < 0) {
            return v + "/32";
        }
        String prefix = v.substring(slash + 1);
        if (prefix.isEmpty()
                || prefix.length() > 2
                || prefix.indexOf('/') >= 0
                || Integer.parseInt(prefix) > 32
                || (prefix.length() > 1 && prefix.charAt(0) == '0')) {
            throw new IllegalArgumentException("IpAddress \"" + value + "\": the CIDR prefix length \"" + prefix
                    + "\" must be a number from 0 to 32");
        }
        return v;
    }

    /**
     * Checks a key pair ID: letters and digits, as CloudFront shows it for a public key in a trusted key group.
     *
     * @return {@code keyPairId}
     * @throws IllegalArgumentException naming the character and its position
     */
    public static String checkKeyPairId(String keyPairId) {
        if (keyPairId == null || keyPairId.isEmpty()) {
            throw new IllegalArgumentException("key pair ID is empty: give the ID CloudFront shows for the public"
                    + " key in your trusted key group (for example K2JCJMDEHXQW5F)");
        }
        for (int i = 0; i < keyPairId.length(); i++) {
            char c = keyPairId.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException("key pair ID \"" + printable(keyPairId) + "\": character "
                        + CloudFrontBase64.describe(c) + " at position " + i
                        + " is not allowed; a key pair ID is letters and digits (for example K2JCJMDEHXQW5F)");
            }
        }
        return keyPairId;
    }
}
