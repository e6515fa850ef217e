package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The request options {@code verify} and {@code inspect} share: cookies and the time of the request. */
final class RequestOptions {

    @Option(
            names = "--cookie",
            paramLabel = "NAME=VALUE",
            description = "A cookie the viewer sends; repeat it, or give a whole Cookie header (a=1; b=2). Lines"
                    + " printed by sign-cookies, with or without 'Set-Cookie:', work as they are.")
    List<String> cookies = new ArrayList<>();

    @Option(
            names = "--at",
            paramLabel = "T",
            converter = Times.InstantConverter.class,
            description = "Judge the request as at this time instead of now: epoch seconds or ISO-8601.")
    Instant at;

    /** The cookies of every {@code --cookie}, in order. */
    List<SignedCookies.Cookie> cookies() {
        List<SignedCookies.Cookie> all = new ArrayList<>();
        for (String argument : cookies) {
            String header = argument.strip();
            for (String prefix : new String[] {"Set-Cookie:", "Cookie:"}) {
                if (header.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    header = header.substring(prefix.length());
                }
            }
            List<SignedCookies.Cookie> parsed = ViewerRequest.parseCookieHeader(header);
            if (parsed.isEmpty()) {
                throw new InputException("--cookie \"" + argument + "\": give NAME=VALUE, for example"
                        + " CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F");
            }
            all.addAll(parsed);
        }
        return all;
    }

    /** The clock: fixed at {@code --at}, or the system clock. */
    Clock clock() {
        return at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
    }

    /** A request for the URL with these cookies. */
    ViewerRequest.Builder request(String url) {
        try {
            return ViewerRequest.builder().url(url).cookies(cookies());
        } catch (IllegalArgumentException e) {
            throw new InputException("--url: " + e.getMessage());
        }
    }
}
