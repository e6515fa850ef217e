package io.github.cloudfrontsigned.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.runtime.war.CountingKeyStore;
import io.github.cloudfrontsigned.runtime.war.Page;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A WAR with the library in {@code WEB-INF/lib} (auto-registered filter, {@code @CloudFrontSigned} on Jersey,
 * context-params only, the key from a store) deployed, used and undeployed again and again in one Tomcat:
 * the key is fetched once per deployment, every entry point shares it, and undeploying leaves nothing behind.
 */
final class RedeployTest {

    private static final int ROUNDS = 6;

    private static void assertSigns(IsolatedTomcat tomcat) {
        String page = tomcat.get("/app/page").body();
        assertTrue(page.contains(Page.CDN + "a.mp4?Expires="), page);
        assertTrue(page.contains("Key-Pair-Id=" + LibraryWar.KEY_PAIR_ID), page);
        HttpResponse<String> download = tomcat.get("/app/api/download");
        String location = download.headers().firstValue("Location").orElse("(none)");
        assertTrue(location.startsWith(Page.CDN + "b.mp4?Expires="), location);
    }

    private static boolean refreshThreadRuns() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && CountingKeyStore.REFRESH_THREAD.equals(t.getName()));
    }

    private static boolean refreshThreadEnds() throws InterruptedException {
        for (int i = 0; i < 50 && refreshThreadRuns(); i++) {
            Thread.sleep(100);
        }
        return !refreshThreadRuns();
    }

    @Test
    void oneDeployment_fetchesTheKeyOnce_forTheFilterAndJaxrs_andUndeployEndsTheRefresh() throws Exception {
        LibraryWar war = LibraryWar.write();
        try (IsolatedTomcat tomcat = new IsolatedTomcat()) {
            tomcat.deploy("/app", war.dir());
            assertSigns(tomcat);
            assertEquals(1, war.keyFetches(), "key fetches for one deployment");
            assertTrue(refreshThreadRuns());
            tomcat.undeploy("/app");
            assertTrue(refreshThreadEnds(), "the key refresh thread still runs after undeploy");
        }
    }

    /** In its own method, so that no local variable of the test keeps the last application reachable. */
    private static void deployUseUndeploy(IsolatedTomcat tomcat, LibraryWar war) {
        tomcat.deploy("/app", war.dir());
        assertSigns(tomcat);
        tomcat.undeploy("/app");
    }

    @Test
    void redeploying_leavesNoClassLoaderReachable() throws Exception {
        LibraryWar war = LibraryWar.write();
        try (IsolatedTomcat tomcat = new IsolatedTomcat()) {
            for (int round = 1; round <= ROUNDS; round++) {
                deployUseUndeploy(tomcat, war);
            }
            List<String> leaks = tomcat.reachableUndeployedApplications();
            if (!leaks.isEmpty() && System.getProperty("heapdump") != null) {
                com.sun.management.HotSpotDiagnosticMXBean bean =
                        ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                bean.dumpHeap(Path.of(System.getProperty("heapdump")).toString(), true);
            }
            assertEquals(List.of(), leaks, "undeployed applications whose class loader is still reachable");
            assertEquals(List.of(), tomcat.loaderWarnings(), "what Tomcat warned about on undeploy");
            assertEquals(ROUNDS, war.keyFetches(), "key fetches for " + ROUNDS + " deployments");
        }
    }
}
