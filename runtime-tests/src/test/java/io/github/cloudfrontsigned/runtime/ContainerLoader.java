package io.github.cloudfrontsigned.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The class loader of a Tomcat that deploys a {@link LibraryWar}, as a servlet container's own loader: Tomcat's
 * jars (with the Servlet and Common Annotations APIs) over the JDK, and nothing else of the test class path. So a
 * web application finds the library, Jersey and HK2 in its {@code WEB-INF/lib} only, and what the container's
 * classes refer to (the Servlet API) cannot see them, as in a real deployment. {@link TomcatHost} is defined here
 * too, so that it drives this Tomcat.
 */
final class ContainerLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    ContainerLoader() {
        super(
                "container",
                new URL[] {
                    location(org.apache.catalina.startup.Tomcat.class), location(jakarta.annotation.PostConstruct.class)
                },
                ClassLoader.getPlatformClassLoader());
    }

    private static URL location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toUri()
                    .toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(TomcatHost.class.getName())) {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return super.findClass(name);
    }
}
