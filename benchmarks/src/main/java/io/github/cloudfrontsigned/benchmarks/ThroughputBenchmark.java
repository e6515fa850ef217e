package io.github.cloudfrontsigned.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every benchmark class inherits: throughput in operations per second on one thread, one fork,
 * 3 warmup iterations of 2 s (the fast benchmarks need about 4 s before C2 settles), 4 measured iterations of
 * 2 s. Command-line options ({@code -f -wi -w -i -r}) override them. Extend it for a new subject.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public abstract class ThroughputBenchmark {}
