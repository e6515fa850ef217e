/**
 * The classes of a web application deployed by the tests with the library in its {@code WEB-INF/lib}: copied into
 * its {@code WEB-INF/classes}, so that its own class loader defines them (see {@code LibraryWar}).
 */
package io.github.cloudfrontsigned.runtime.war;
