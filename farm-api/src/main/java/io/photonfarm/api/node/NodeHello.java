package io.photonfarm.api.node;

/**
 * What a node sends to register ({@code POST /api/v1/nodes}).
 *
 * @param name    a name for people: host and process, e.g. {@code render-07:4711}
 * @param device  the device it renders on
 * @param version the PhotonFarm version the node runs
 */
public record NodeHello(String name, NodeDevice device, String version) {
    public NodeHello {
        if (name == null || name.isBlank() || device == null) {
            throw new IllegalArgumentException("node registration: name and device must be set");
        }
        version = version == null ? "" : version;
    }
}
