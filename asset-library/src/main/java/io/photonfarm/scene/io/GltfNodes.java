package io.photonfarm.scene.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Instance;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * The node hierarchy of the scene to show: instances of meshes with their world transforms, and
 * the first perspective camera. The hierarchy is checked before it is walked: every child index in
 * range, no node with two parents, no cycles, scene roots without parents, at most
 * {@link #MAX_DEPTH} levels. The walk is iterative, so deep files cannot overflow the stack.
 *
 * <p>A node whose world transform is singular (|det| of its 3x3 part below 1e-12, the threshold
 * of {@link Instance}; a zero scale, which glTF allows for hiding nodes and their subtrees)
 * produces no instance and no camera; a world transform that is not finite is an error. Skins are ignored (meshes are shown in their bind pose, as
 * placed by their node), as are morph weights, lights and orthographic cameras.
 */
final class GltfNodes {
    /** Deepest node hierarchy accepted (roots are level 1). */
    static final int MAX_DEPTH = 1024;

    /** What the scene's node tree places. */
    record Placement(List<Instance> instances, Optional<CameraSpec> camera) {
    }

    private record Frame(int node, Matrix4f parentWorld, int depth) {
    }

    private final GltfJson json;

    GltfNodes(GltfJson json) {
        this.json = json;
    }

    /** Walks the scene named by "scene" (else scenes[0], else every root node) depth-first. */
    Placement load(int meshCount) throws SceneFormatException {
        int n = json.count("nodes");
        int[] parent = parents(n);
        int[] roots = roots(parent);
        List<Instance> instances = new ArrayList<>();
        Optional<CameraSpec> camera = Optional.empty();
        Deque<Frame> stack = new ArrayDeque<>();
        for (int i = roots.length - 1; i >= 0; i--) {
            stack.push(new Frame(roots[i], new Matrix4f(), 1));
        }
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            String path = "nodes[" + f.node() + "]";
            if (f.depth() > MAX_DEPTH) {
                throw json.error(path, "the node hierarchy is deeper than " + MAX_DEPTH + " levels");
            }
            JsonNode node = json.element("nodes", f.node(), path);
            Matrix4f world = new Matrix4f(f.parentWorld()).mulAffine(local(node, path));
            if (!world.isFinite()) {
                throw json.error(path, "the world transform is not finite (overflow in translation or scale)");
            }
            boolean visible = Math.abs(world.determinant3x3()) >= 1e-12f;
            int mesh = json.index(node, "mesh", path);
            if (mesh >= meshCount) {
                throw json.error(path + ".mesh", "mesh " + mesh + " out of range (" + meshCount + " meshes)");
            }
            if (mesh >= 0 && visible) {
                try {
                    instances.add(new Instance(mesh, world));
                } catch (IllegalArgumentException e) {
                    throw json.error(path, e.getMessage(), e);
                }
            }
            int cam = json.index(node, "camera", path);
            if (cam >= 0 && visible && camera.isEmpty()) {
                camera = camera(cam, world, path);
            }
            JsonNode children = node.get("children");
            for (int k = children == null ? -1 : children.size() - 1; k >= 0; k--) {
                stack.push(new Frame(children.get(k).intValue(), world, f.depth() + 1));
            }
        }
        return new Placement(instances, camera);
    }

    /** Parent of every node (-1 for roots), refusing bad child indices, second parents and cycles. */
    private int[] parents(int n) throws SceneFormatException {
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        for (int i = 0; i < n; i++) {
            String path = "nodes[" + i + "]";
            JsonNode children = json.array(json.element("nodes", i, path), "children", path);
            if (children == null) {
                continue;
            }
            for (int k = 0; k < children.size(); k++) {
                String cp = path + ".children[" + k + "]";
                int c = (int) json.integerValue(children.get(k), cp, 0, Integer.MAX_VALUE);
                if (c >= n) {
                    throw json.error(cp, "node " + c + " out of range (" + n + " nodes)");
                }
                if (c == i) {
                    throw json.error(cp, "node " + i + " is its own child (a cycle)");
                }
                if (parent[c] == i) {
                    throw json.error(cp, "node " + c + " is listed twice as a child");
                }
                if (parent[c] >= 0) {
                    throw json.error("nodes[" + c + "]", "node has two parents, nodes[" + parent[c] + "] and nodes["
                            + i + "]; glTF nodes form a strict tree");
                }
                parent[c] = i;
            }
        }
        // With one parent per node, the parent links form chains; a chain that returns to a node
        // already on the current walk is a cycle. Each node is walked once, so this is O(n).
        byte[] state = new byte[n];
        for (int i = 0; i < n; i++) {
            List<Integer> walk = new ArrayList<>();
            int j = i;
            while (j >= 0 && state[j] == 0) {
                state[j] = 1;
                walk.add(j);
                j = parent[j];
            }
            if (j >= 0 && state[j] == 1) {
                List<Integer> cycle = walk.subList(walk.indexOf(j), walk.size());
                throw json.error("nodes[" + j + "]", "node cycle: nodes " + cycle + " are each other's ancestors");
            }
            for (int w : walk) {
                state[w] = 2;
            }
        }
        return parent;
    }

    private int[] roots(int[] parent) throws SceneFormatException {
        JsonNode root = json.root();
        int sceneIndex = root.has("scene") ? (int) json.integerValue(root.get("scene"), "scene", 0, Integer.MAX_VALUE) : -1;
        if (sceneIndex < 0 && json.count("scenes") == 0) {
            return IntStream.range(0, parent.length).filter(i -> parent[i] < 0).toArray();
        }
        int s = Math.max(sceneIndex, 0);
        JsonNode scene = json.element("scenes", s, "scene");
        String path = "scenes[" + s + "]";
        JsonNode nodes = json.array(scene, "nodes", path);
        int[] roots = new int[nodes == null ? 0 : nodes.size()];
        boolean[] seen = new boolean[parent.length];
        for (int k = 0; k < roots.length; k++) {
            String np = path + ".nodes[" + k + "]";
            int r = (int) json.integerValue(nodes.get(k), np, 0, Integer.MAX_VALUE);
            if (r >= parent.length) {
                throw json.error(np, "node " + r + " out of range (" + parent.length + " nodes)");
            }
            if (parent[r] >= 0) {
                throw json.error(np, "node " + r + " is a child of nodes[" + parent[r] + "]; scene nodes must be roots");
            }
            if (seen[r]) {
                throw json.error(np, "node " + r + " is listed twice");
            }
            seen[r] = true;
            roots[k] = r;
        }
        return roots;
    }

    /** The node's local transform: its column-major matrix, or T * R * S. */
    private Matrix4f local(JsonNode node, String path) throws SceneFormatException {
        float big = Float.MAX_VALUE;
        if (node.has("matrix")) {
            if (node.has("translation") || node.has("rotation") || node.has("scale")) {
                throw json.error(path, "has both a matrix and translation/rotation/scale");
            }
            float[] m = json.numbers(node, "matrix", path, 16, -big, big, null);
            if (m[3] != 0f || m[7] != 0f || m[11] != 0f || m[15] != 1f) {
                throw json.error(path + ".matrix", "must be affine (last row 0, 0, 0, 1), is " + m[3] + ", " + m[7]
                        + ", " + m[11] + ", " + m[15]);
            }
            return new Matrix4f().set(m);
        }
        float[] t = json.numbers(node, "translation", path, 3, -big, big, new float[] {0f, 0f, 0f});
        float[] r = json.numbers(node, "rotation", path, 4, -big, big, new float[] {0f, 0f, 0f, 1f});
        float[] s = json.numbers(node, "scale", path, 3, -big, big, new float[] {1f, 1f, 1f});
        double len = Math.sqrt((double) r[0] * r[0] + (double) r[1] * r[1] + (double) r[2] * r[2] + (double) r[3] * r[3]);
        if (!(len > 1e-6)) {
            throw json.error(path + ".rotation", "is not a unit quaternion (length " + len + ")");
        }
        // Exporters write quaternions rounded to a few digits: renormalise instead of refusing them.
        return new Matrix4f().translationRotateScale(t[0], t[1], t[2], (float) (r[0] / len), (float) (r[1] / len),
                (float) (r[2] / len), (float) (r[3] / len), s[0], s[1], s[2]);
    }

    /**
     * A perspective camera at the node: position = world origin of the node, looking along its
     * world -Z (look_at 1 m ahead), up = its world +Y, vertical field of view = yfov. Empty for
     * orthographic cameras.
     */
    private Optional<CameraSpec> camera(int index, Matrix4f world, String user) throws SceneFormatException {
        JsonNode cam = json.element("cameras", index, user + ".camera");
        String path = "cameras[" + index + "]";
        String type = json.string(cam, "type", path);
        if ("orthographic".equals(type)) {
            return Optional.empty();
        }
        if (!"perspective".equals(type)) {
            throw json.error(path + ".type", "must be \"perspective\" or \"orthographic\", was " + type);
        }
        JsonNode p = json.object(cam, "perspective", path);
        if (p == null || !p.has("yfov")) {
            throw json.error(path, "a perspective camera needs perspective.yfov");
        }
        float yfov = json.number(p, "yfov", path + ".perspective", Float.MIN_VALUE, (float) Math.PI, 1f);
        float deg = (float) Math.toDegrees(yfov);
        Vector3f position = world.transformPosition(new Vector3f());
        Vector3f forward = world.transformDirection(new Vector3f(0f, 0f, -1f)).normalize();
        Vector3f up = world.transformDirection(new Vector3f(0f, 1f, 0f)).normalize();
        try {
            return Optional.of(new CameraSpec(position, new Vector3f(position).add(forward), up, deg, 0f, 0f));
        } catch (IllegalArgumentException e) {
            throw json.error(user, "camera " + index + ": " + e.getMessage(), e);
        }
    }
}
