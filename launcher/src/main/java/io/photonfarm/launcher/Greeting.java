package io.photonfarm.launcher;

import io.photonfarm.coordinator.Coordinator;
import java.io.PrintWriter;

/** What a started coordinator tells its user: where it is, how to authenticate, where data goes. */
final class Greeting {
    private Greeting() {
    }

    static void print(PrintWriter out, Coordinator c, boolean generatedToken) {
        String token = c.settings().tokens().clientToken();
        out.println("PhotonFarm coordinator at " + c.url() + "  (API: " + c.url() + "/api/v1)");
        out.println("web UI: " + c.url() + "/  (sign in with the token)");
        out.println(generatedToken
                ? "token (generated; set " + CoordinatorOptions.TOKEN_ENV + " to choose one): " + token
                : "token: from $" + CoordinatorOptions.TOKEN_ENV);
        out.println("datasets: " + c.datasetRoot().toAbsolutePath().normalize().resolve("jobs"));
        out.println("state: " + c.settings().durability());
        out.println("try:  curl -H 'Authorization: Bearer " + (generatedToken ? token : "$" + CoordinatorOptions.TOKEN_ENV)
                + "' " + c.url() + "/api/v1/jobs");
        out.flush();
    }
}
