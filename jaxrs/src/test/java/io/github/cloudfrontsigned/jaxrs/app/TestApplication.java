package io.github.cloudfrontsigned.jaxrs.app;

import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The test resources and the test authentication, with no CloudFront configuration of its own. */
public class TestApplication extends Application {

    /** The classes of the test application. */
    public static final Set<Class<?>> CLASSES = Set.of(CatalogResource.class, CourseResource.class, UserFilter.class);

    @Override
    public Set<Class<?>> getClasses() {
        return CLASSES;
    }
}
