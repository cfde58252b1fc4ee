package io.photonfarm.api.node;

/**
 * The coordinator's answer to a heartbeat.
 *
 * @param drain true if an operator asked this node to drain: finish what it holds, claim nothing more, leave
 */
public record HeartbeatReply(boolean drain) {
}
