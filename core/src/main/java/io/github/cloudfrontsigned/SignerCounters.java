package io.github.cloudfrontsigned;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@link CloudFrontSigner.Statistics}, shared by a signer and its views: one uncontended
 * increment per call. Thread-safe.
 */
final class SignerCounters {
    final LongAdder links = new LongAdder();
    final LongAdder cookies = new LongAdder();
    final LongAdder computed = new LongAdder();
    final LongAdder reused = new LongAdder();
}
