/** Tests of README.md as a user reads it: its Java snippets compile against the library's jars. */
package io.github.cloudfrontsigned.consumer;
