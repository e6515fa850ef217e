package io.github.cloudfrontsigned.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cloudfront-signed edge}: a local CloudFront in front of an origin. */
@Command(name = "edge", mixinStandardHelpOptions = true, description = "A local CloudFront (to come).")
final class EdgeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new InputException("edge is not available yet");
    }
}
