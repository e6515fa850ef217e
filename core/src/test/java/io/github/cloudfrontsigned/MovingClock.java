package io.github.cloudfrontsigned;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Test helper: a UTC clock the test moves by setting {@link #now}. Public in core's test jar. */
public final class MovingClock extends Clock {
    /** The current instant; set it to move the clock. */
    public final AtomicReference<Instant> now;

    /** @param start the first instant */
    public MovingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
