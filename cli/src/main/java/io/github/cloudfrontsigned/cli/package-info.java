/**
 * The {@code cloudfront-signed} command-line tool; {@link io.github.cloudfrontsigned.cli.Main} is the entry point.
 */
package io.github.cloudfrontsigned.cli;
