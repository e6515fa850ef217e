package example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Jersey finds it by annotation: no servlet declaration, no init-params. */
@ApplicationPath("/api")
public class LibraryApplication extends Application {}
