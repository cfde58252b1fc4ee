package io.photonfarm.api.node;

/** What a node is doing, as it says in its heartbeat. */
public enum NodeActivity {
    /** Waiting for work. */
    IDLE,
    /** Rendering a unit. */
    RENDERING,
    /** Finishing what it holds, then leaving (asked to drain, or SIGTERM). */
    DRAINING,
    /** Gone: left cleanly, or stopped sending heartbeats (see {@link NodeView#lost()}). */
    GONE
}
