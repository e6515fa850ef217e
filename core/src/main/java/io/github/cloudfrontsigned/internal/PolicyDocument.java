package io.github.cloudfrontsigned.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement of a CloudFront policy, read the way CloudFront reads a custom policy it has already verified:
 * any whitespace and key order, {@code Statement} as an array of exactly one statement (or, as the 2023 guide
 * showed it, a bare object), the documented names only, times as JSON integers.
 *
 * <p>Source: "Policy statement for a signed URL that uses a custom policy" in
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html">
 * Create a signed URL using a custom policy</a> ("You can include only one statement", "Parameter names exactly
 * as shown", "Do not enclose the value in quotation marks"). Thread safety: immutable.
 */
public final class PolicyDocument {

    /** Deeper nesting than any policy needs; bounds the parser's recursion on hostile input. */
    private static final int MAX_DEPTH = 16;

    /** The {@code Resource}, or {@code null} when the statement has none (it then covers every URL). */
    public final String resource;
    /** {@code DateLessThan} in epoch seconds, or {@code null} when absent (which CloudFront refuses). */
    public final Long dateLessThan;
    /** {@code DateGreaterThan} in epoch seconds, or {@code null}. */
    public final Long dateGreaterThan;
    /** {@code AWS:SourceIp} as written, or {@code null}. */
    public final String sourceIp;

    private PolicyDocument(String resource, Long dateLessThan, Long dateGreaterThan, String sourceIp) {
        this.resource = resource;
        this.dateLessThan = dateLessThan;
        this.dateGreaterThan = dateGreaterThan;
        this.sourceIp = sourceIp;
    }

    /**
     * Writes the canned policy exactly as CloudFront rebuilds it from the request.
     *
     * @param resource the URL, unescaped (CloudFront compares it as written)
     * @param expires the expiry, seconds since the epoch
     * @return the policy JSON, compact
     */
    public static String writeCanned(String resource, long expires) {
        return writeCanned(resource, Long.toString(expires));
    }

    /**
     * Writes the canned policy with {@code Expires} as the request wrote it (the verifier's view).
     *
     * @param resource the URL, unescaped
     * @param expires the {@code Expires} query value as written
     * @return the policy JSON, compact
     */
    public static String writeCanned(String resource, String expires) {
        return new StringBuilder(resource.length() + 90)
                .append("{\"Statement\":[{\"Resource\":\"")
                .append(resource)
                .append("\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":")
                .append(expires)
                .append("}}}]}")
                .toString();
    }

    /**
     * Writes a compact custom policy, conditions in the order DateLessThan, DateGreaterThan, IpAddress.
     *
     * @param resource the policy resource, wildcards allowed
     * @param expires {@code DateLessThan}, seconds since the epoch
     * @param dateGreaterThan {@code DateGreaterThan}, or {@code null} for none
     * @param ipAddress {@code IpAddress}'s {@code AWS:SourceIp} (already checked), or {@code null} for none
     * @return the policy JSON, compact
     * @throws IllegalArgumentException if {@code DateGreaterThan} is not before {@code DateLessThan}
     */
    public static String writeCustom(String resource, long expires, Instant dateGreaterThan, String ipAddress) {
        StringBuilder sb = new StringBuilder(resource.length() + 170)
                .append("{\"Statement\":[{\"Resource\":\"")
                .append(resource)
                .append("\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":")
                .append(expires)
                .append('}');
        if (dateGreaterThan != null) {
            long start = dateGreaterThan.getEpochSecond();
            if (start >= expires) {
                throw new IllegalArgumentException("DateGreaterThan (the active date, " + Instant.ofEpochSecond(start)
                        + ") must be before DateLessThan (the expiration, " + Instant.ofEpochSecond(expires) + ")");
            }
            sb.append(",\"DateGreaterThan\":{\"AWS:EpochTime\":").append(start).append('}');
        }
        if (ipAddress != null) {
            sb.append(",\"IpAddress\":{\"AWS:SourceIp\":\"").append(ipAddress).append("\"}");
        }
        return sb.append("}}]}").toString();
    }

    /** The statement of a canned policy, which CloudFront rebuilds rather than parses. */
    public static PolicyDocument canned(String resource, long expires) {
        return new PolicyDocument(resource, expires, null, null);
    }

    /**
     * Parses a custom policy.
     *
     * @throws IllegalArgumentException with a message naming what is wrong and where, if the policy is not
     *     JSON or not a CloudFront policy statement
     */
    public static PolicyDocument parse(String json) {
        Object top = new Parser(json).document();
        Map<String, Object> root = object(top, "the policy");
        onlyKeys(root, "the policy", "Statement");
        Object statements = required(root, "Statement", "the policy");
        Map<String, Object> statement;
        if (statements instanceof List) {
            List<?> list = (List<?>) statements;
            if (list.size() != 1) {
                throw new IllegalArgumentException(
                        "Statement holds " + list.size() + " statements; CloudFront allows exactly one");
            }
            statement = object(list.get(0), "the statement");
        } else {
            statement = object(statements, "Statement");
        }
        onlyKeys(statement, "the statement", "Resource", "Condition");
        String resource = null;
        if (statement.containsKey("Resource")) {
            resource = string(statement.get("Resource"), "Resource");
        }
        Map<String, Object> condition = object(required(statement, "Condition", "the statement"), "Condition");
        onlyKeys(condition, "Condition", "DateLessThan", "DateGreaterThan", "IpAddress");
        Long dateLessThan = epoch(condition, "DateLessThan");
        Long dateGreaterThan = epoch(condition, "DateGreaterThan");
        String sourceIp = null;
        if (condition.containsKey("IpAddress")) {
            Map<String, Object> ip = object(condition.get("IpAddress"), "IpAddress");
            onlyKeys(ip, "IpAddress", "AWS:SourceIp");
            sourceIp = string(required(ip, "AWS:SourceIp", "IpAddress"), "AWS:SourceIp");
        }
        return new PolicyDocument(resource, dateLessThan, dateGreaterThan, sourceIp);
    }

    private static Long epoch(Map<String, Object> condition, String name) {
        if (!condition.containsKey(name)) {
            return null;
        }
        Map<String, Object> value = object(condition.get(name), name);
        onlyKeys(value, name, "AWS:EpochTime");
        Object time = required(value, "AWS:EpochTime", name);
        if (time instanceof String) {
            throw new IllegalArgumentException(name + " AWS:EpochTime is the string \"" + time
                    + "\"; CloudFront wants a JSON number without quotation marks");
        }
        if (!(time instanceof Number)) {
            throw new IllegalArgumentException(
                    name + " AWS:EpochTime is " + describe(time) + ", not a number of epoch seconds");
        }
        String text = ((Number) time).text;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-')) {
                throw new IllegalArgumentException(
                        name + " AWS:EpochTime " + text + " is not a whole number of epoch seconds");
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " AWS:EpochTime " + text + " is out of range");
        }
    }

    private static Object required(Map<String, Object> object, String key, String where) {
        if (!object.containsKey(key)) {
            throw new IllegalArgumentException(
                    where + " has no " + key + ("Condition".equals(key) ? " (DateLessThan is required)" : ""));
        }
        return object.get(key);
    }

    private static void onlyKeys(Map<String, Object> object, String where, String... allowed) {
        for (String key : object.keySet()) {
            boolean known = false;
            for (String a : allowed) {
                known |= a.equals(key);
            }
            if (!known) {
                throw new IllegalArgumentException(where + " has the unknown key \"" + Validation.printable(key)
                        + "\"; CloudFront accepts only " + String.join(", ", allowed) + " there, spelled exactly");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " is " + describe(value) + ", not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static String string(Object value, String what) {
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(what + " is " + describe(value) + ", not a JSON string"
                    + (value instanceof List ? " (CloudFront allows one Resource only)" : ""));
        }
        return (String) value;
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "the number " + ((Number) value).text;
        }
        return String.valueOf(value);
    }

    /** JSON {@code null}. */
    private static final Object JSON_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number, kept as its text. */
    private static final class Number {
        final String text;

        Number(String text) {
            this.text = text;
        }
    }

    /** A small recursive-descent JSON reader: objects, arrays, strings, numbers (as text), booleans, null. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Object document() {
            if (text.startsWith("\uFEFF")) {
                pos = 1;
            }
            Object value = value(0);
            skipWhitespace();
            if (pos < text.length()) {
                throw error("unexpected " + TextDiff.charAt(text, pos) + " after the end of the JSON");
            }
            return value;
        }

        private Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH + " levels");
            }
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("the JSON ends where a value was expected");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", JSON_NULL);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected " + TextDiff.charAt(text, pos) + " where a value was expected");
            }
        }

        private Map<String, Object> object(int depth) {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a quoted key, found " + TextDiff.charAt(text, pos));
                }
                int keyStart = pos;
                String key = string();
                skipWhitespace();
                expect(':');
                Object value = value(depth + 1);
                if (map.containsKey(key)) {
                    pos = keyStart;
                    throw error("the key \"" + Validation.printable(key) + "\" appears twice");
                }
                map.put(key, value);
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}', found " + TextDiff.charAt(text, pos));
                }
            }
        }

        private List<Object> array(int depth) {
            pos++;
            List<Object> list = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value(depth + 1));
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']', found " + TextDiff.charAt(text, pos));
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("a string is not closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("a string is not closed");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"':
                    case '\\':
                    case '/':
                        sb.append(e);
                        break;
                    case 'b':
                        sb.append('\b');
                        break;
                    case 'f':
                        sb.append('\f');
                        break;
                    case 'n':
                        sb.append('\n');
                        break;
                    case 'r':
                        sb.append('\r');
                        break;
                    case 't':
                        sb.append('\t');
                        break;
                    case 'u':
                        sb.append(unicodeEscape());
                        break;
                    default:
                        // Not JSON, but the 2023 guide wrote the query's ? as \? inside Resource: keep the escape,
                        // which ResourcePattern reads as a literal character.
                        sb.append('\\').append(e);
                }
            }
        }

        private char unicodeEscape() {
            if (pos + 4 > text.length()) {
                throw error("a \\u escape needs four hex digits");
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(text.charAt(pos + i), 16);
                if (d < 0) {
                    throw error("a \\u escape needs four hex digits");
                }
                v = v * 16 + d;
            }
            pos += 4;
            return (char) v;
        }

        private Number number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if ((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    pos++;
                } else {
                    break;
                }
            }
            String number = text.substring(start, pos);
            if (number.equals("-") || number.length() > 64) {
                pos = start;
                throw error("malformed number");
            }
            return new Number(number);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected " + TextDiff.charAt(text, pos) + " where a value was expected");
            }
            pos += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "', found " + TextDiff.charAt(text, pos));
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("the policy is not valid JSON: " + what + " at position " + pos);
        }
    }
}
