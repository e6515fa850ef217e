package io.github.cloudfrontsigned.runtime;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of a web application's class loader in the tests that deploy a {@link LibraryWar}: it sees the JDK
 * and the container (Tomcat and the APIs it provides) and nothing else of the test class path, as a servlet
 * container's common class loader does. So the web application finds the library and Jersey in its
 * {@code WEB-INF/lib} only.
 */
final class ContainerLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** What Tomcat's own class loader provides to web applications. */
    private static final List<String> CONTAINER = List.of("org.apache.catalina.", "org.apache.coyote.",
            "org.apache.tomcat.", "org.apache.juli.", "org.apache.naming.", "jakarta.servlet.", "jakarta.annotation.");

    ContainerLoader() {
        super("container", ClassLoader.getPlatformClassLoader());
    }

    private static boolean provided(String name) {
        String dotted = name.replace('/', '.');
        return CONTAINER.stream().anyMatch(dotted::startsWith);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (provided(name)) {
            return ClassLoader.getSystemClassLoader().loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        return provided(name) ? ClassLoader.getSystemClassLoader().getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return provided(name) ? ClassLoader.getSystemClassLoader().getResources(name) : Collections.emptyEnumeration();
    }
}
