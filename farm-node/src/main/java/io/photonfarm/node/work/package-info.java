/**
 * The node's work loop: pulls work units from the coordinator over HTTP, renders them and uploads
 * the results.
 *
 * <h2>Entry point</h2>
 * {@link io.photonfarm.node.work.NodeRunner#run(NodeOptions, io.photonfarm.node.render.RenderBackend,
 * io.photonfarm.api.node.NodeDevice)} runs a node on the calling thread and returns its exit code
 * (0 stopped or drained, 1 unexpected failure, 2 token refused). It installs a shutdown hook that
 * calls {@link io.photonfarm.node.work.WorkLoop#stop()} and waits for the loop, so SIGTERM ends a
 * node cleanly. {@link io.photonfarm.node.work.NodeDevices#of(io.photonfarm.node.vulkan.VulkanContext)}
 * describes the device for the registration.
 *
 * <h2>Behaviour</h2>
 * <ul>
 * <li>Registers ({@code POST /api/v1/nodes}), retrying while the coordinator is away.</li>
 * <li>Claims with a long poll, renders each granted unit in the order granted, uploads its
 *     {@link io.photonfarm.api.tile.TileResultCodec} bytes; a 409 drops the result; a render exception
 *     is reported as the unit's failure with the exception's message.</li>
 * <li>Renews every held lease every third of the lease time; units reported lost are skipped, or
 *     their result dropped if they were rendering.</li>
 * <li>Sends a heartbeat every {@code heartbeatMillis}: activity, current unit, pixel samples per
 *     second (exponentially weighted over units), units done and failed. A reply with
 *     {@code drain=true} finishes the held batch, claims nothing more and leaves. A 404 on any node
 *     call registers the node again (once, whichever thread saw it) and drops what it held.</li>
 * <li>5xx, refused connections and timeouts are retried with capped exponential backoff and jitter
 *     ({@link io.photonfarm.node.work.Backoff}); an outage is logged when it starts and when it ends.
 *     A finished result is kept and uploaded when the coordinator is back.</li>
 * <li>{@code stop()} cuts a claim's long poll short, lets the unit being rendered finish and upload,
 *     and leaves, handing the rest of the batch back; it gives up on an absent coordinator after
 *     {@link io.photonfarm.node.work.NodeOptions#stopGrace()}.</li>
 * <li>401 ends the loop at once with exit code 2.</li>
 * <li>Scenes are loaded once per node by scene hash ({@link io.photonfarm.node.work.SceneCache}),
 *     {@code builtin:NAME} built locally, {@code scene:HASH} fetched once and verified by SHA-256; a
 *     frame's settings come only from {@link io.photonfarm.node.work.FrameSpecConversion}.</li>
 * </ul>
 */
package io.photonfarm.node.work;
