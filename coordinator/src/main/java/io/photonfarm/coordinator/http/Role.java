package io.photonfarm.coordinator.http;

/** Who may call a route: API clients (people, scripts, the web UI) or nodes. */
public enum Role {
    CLIENT,
    NODE
}
