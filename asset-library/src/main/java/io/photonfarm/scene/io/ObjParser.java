package io.photonfarm.scene.io;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the statements of an OBJ file: vertex pools (v, vt, vn), faces, objects and groups,
 * usemtl and mtllib (whose MTL files it parses as they are named, so their errors can name the
 * OBJ line too). Everything it cannot render (s, l, p, curves, unknown statements) is ignored.
 */
final class ObjParser {
    /**
     * @param meshes        one draft per object or group that has faces, in file order
     * @param materialSlots the usemtl names in order of first use by a face; a draft's slots index
     *                      this list; null stands for faces before any usemtl
     * @param library       every material of every mtllib, by name
     */
    record Result(List<ObjMeshBuilder.Draft> meshes, List<String> materialSlots, Map<String, MtlMaterial> library) {
    }

    /** Vertices or face corners read between two estimates of the memory the file needs. */
    private static final int MEMORY_CHECK_INTERVAL = 1 << 16;

    private final ReferencedFiles refs;
    private final long memoryBudget;
    private final LineReader lines;
    private final LineTokens tokens;
    private final String fileStem;
    private final FloatList positions = new FloatList(3 * 1024);
    private final FloatList uvs = new FloatList(2 * 1024);
    private final FloatList normals = new FloatList(3 * 1024);
    private final List<ObjMeshBuilder.Draft> meshes = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final Map<String, MtlMaterial> library = new HashMap<>();
    private final Set<Path> libraries = new HashSet<>();
    private ObjMeshBuilder mesh;
    private String objectName;
    private String groupName;
    private String material;
    private int slot = -1;
    private long triangles;
    private long finishedBytes;
    private int sinceMemoryCheck;
    private int[] cornerP = new int[16];
    private int[] cornerT = new int[16];
    private int[] cornerN = new int[16];

    private ObjParser(Path objFile, InputStream in, ReferencedFiles refs, long memoryBudget) {
        this.refs = refs;
        this.memoryBudget = memoryBudget;
        this.lines = new LineReader(objFile, in);
        this.tokens = new LineTokens(lines);
        String file = objFile.getFileName().toString();
        int dot = file.lastIndexOf('.');
        this.fileStem = dot > 0 ? file.substring(0, dot) : file;
    }

    /**
     * Parses the whole stream; the caller closes it.
     *
     * @param memoryBudget bytes the loaded geometry may take, estimated as it is read
     */
    static Result parse(Path objFile, InputStream in, ReferencedFiles refs, long memoryBudget)
            throws SceneFormatException {
        ObjParser p = new ObjParser(objFile, in, refs, memoryBudget);
        while (p.lines.next()) {
            p.tokens.reset();
            if (p.tokens.next()) {
                p.statement();
            }
        }
        p.finishMesh();
        return new Result(p.meshes, p.slots, p.library);
    }

    private void statement() throws SceneFormatException {
        // Compare the keyword in place: v, vt, vn and f are millions of lines in a large file.
        int start = tokens.tokenStart();
        int len = tokens.tokenEnd() - start;
        char c0 = tokens.charAt(start);
        char c1 = len > 1 ? tokens.charAt(start + 1) : 0;
        if (len == 1 && c0 == 'v') {
            vertex(positions, 3, "vertex");
        } else if (len == 1 && c0 == 'f') {
            face();
        } else if (len == 2 && c0 == 'v' && c1 == 't') {
            texCoord();
        } else if (len == 2 && c0 == 'v' && c1 == 'n') {
            vertex(normals, 3, "normal");
        } else {
            switch (tokens.token()) {
                case "o" -> {
                    finishMesh();
                    objectName = nameOrNull(tokens.rest());
                    groupName = null;
                }
                case "g" -> {
                    finishMesh();
                    groupName = nameOrNull(tokens.rest());
                }
                case "usemtl" -> usemtl();
                case "mtllib" -> mtllib();
                default -> {
                    // s, l, p, vp, curves and surfaces, unknown statements: nothing to render.
                }
            }
        }
    }

    private void vertex(FloatList pool, int components, String kind) throws SceneFormatException {
        if (pool.size() / components >= ObjLoader.MAX_VERTICES) {
            throw lines.fail("more than " + ObjLoader.MAX_VERTICES + " " + kind + "s; at most "
                    + ObjLoader.MAX_VERTICES + " are loaded");
        }
        // Extra values (v's w or vertex colours) are ignored.
        for (int i = 0; i < components; i++) {
            pool.add(tokens.nextFloat(kind + " coordinate " + "xyz".charAt(i)));
        }
        checkMemorySometimes(1);
    }

    private void texCoord() throws SceneFormatException {
        if (uvs.size() / 2 >= ObjLoader.MAX_VERTICES) {
            throw lines.fail("more than " + ObjLoader.MAX_VERTICES + " texture coordinates; at most "
                    + ObjLoader.MAX_VERTICES + " are loaded");
        }
        uvs.add(tokens.nextFloat("texture coordinate u"));
        // v is optional (default 0); w is ignored.
        uvs.add(tokens.next() ? tokens.tokenFloat("texture coordinate v") : 0f);
        checkMemorySometimes(1);
    }

    private void face() throws SceneFormatException {
        int k = 0;
        while (tokens.next()) {
            if (k == cornerP.length) {
                cornerP = Arrays.copyOf(cornerP, 2 * k);
                cornerT = Arrays.copyOf(cornerT, 2 * k);
                cornerN = Arrays.copyOf(cornerN, 2 * k);
            }
            corner(k++);
        }
        if (k < 3) {
            throw lines.fail("face has " + k + " vertices; at least 3 are needed");
        }
        triangles += k - 2;
        if (triangles > ObjLoader.MAX_TRIANGLES) {
            throw lines.fail("more than " + ObjLoader.MAX_TRIANGLES + " triangles; at most "
                    + ObjLoader.MAX_TRIANGLES + " are loaded");
        }
        if (mesh == null) {
            mesh = new ObjMeshBuilder(meshName());
        }
        int s = currentSlot();
        // A fan around the first corner keeps the polygon's winding in every triangle; it is
        // correct for convex polygons only (concave ones would need ear clipping).
        int first = mesh.vertex(cornerP[0], cornerT[0], cornerN[0]);
        int prev = mesh.vertex(cornerP[1], cornerT[1], cornerN[1]);
        for (int i = 2; i < k; i++) {
            int cur = mesh.vertex(cornerP[i], cornerT[i], cornerN[i]);
            mesh.triangle(first, prev, cur, s);
            prev = cur;
        }
        checkMemorySometimes(k);
    }

    /** Parses the current token, {@code v}, {@code v/vt}, {@code v//vn} or {@code v/vt/vn}, into corner k. */
    private void corner(int k) throws SceneFormatException {
        int start = tokens.tokenStart();
        int end = tokens.tokenEnd();
        int slash1 = indexOfSlash(start, end);
        int slash2 = slash1 < 0 ? -1 : indexOfSlash(slash1 + 1, end);
        if (slash2 >= 0 && indexOfSlash(slash2 + 1, end) >= 0) {
            throw lines.fail("face vertex '" + LineTokens.clip(tokens.token()) + "' has more than three indices");
        }
        int posEnd = slash1 < 0 ? end : slash1;
        if (posEnd == start) {
            throw lines.fail("face vertex '" + LineTokens.clip(tokens.token()) + "' has no position index");
        }
        cornerP[k] = index(start, posEnd, positions, 3, "vertex");
        cornerT[k] = slash1 < 0 ? -1 : index(slash1 + 1, slash2 < 0 ? end : slash2, uvs, 2, "texture coordinate");
        cornerN[k] = slash2 < 0 ? -1 : index(slash2 + 1, end, normals, 3, "normal");
    }

    private int indexOfSlash(int from, int end) {
        for (int i = from; i < end; i++) {
            if (tokens.charAt(i) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** A 1-based or negative (relative) OBJ index as a 0-based pool index; -1 for an empty field. */
    private int index(int from, int to, FloatList pool, int stride, String kind) throws SceneFormatException {
        if (from == to) {
            return -1;
        }
        boolean negative = tokens.charAt(from) == '-';
        int i = negative || tokens.charAt(from) == '+' ? from + 1 : from;
        if (i == to || to - i > 10) {
            throw malformedIndex(from, to, kind);
        }
        long value = 0;
        for (; i < to; i++) {
            char c = tokens.charAt(i);
            if (c < '0' || c > '9') {
                throw malformedIndex(from, to, kind);
            }
            value = value * 10 + (c - '0');
        }
        long count = pool.size() / stride;
        String defined = count == 1 ? " is defined" : " are defined";
        if (value == 0) {
            throw lines.fail("face refers to " + kind + " 0; OBJ indices start at 1");
        }
        if (negative) {
            if (value > count) {
                throw lines.fail("face refers to " + kind + " -" + value + " (relative), but only " + count + defined
                        + " before it");
            }
            return (int) (count - value);
        }
        if (value > count) {
            throw lines.fail("face refers to " + kind + " " + value + ", but only " + count + defined);
        }
        return (int) (value - 1);
    }

    private SceneFormatException malformedIndex(int from, int to, String kind) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to && s.length() < 40; i++) {
            s.append(tokens.charAt(i));
        }
        return lines.fail("face has the malformed " + kind + " index '" + s + "'");
    }

    private void usemtl() throws SceneFormatException {
        String name = tokens.rest();
        if (name.isEmpty()) {
            throw lines.fail("usemtl without a material name");
        }
        material = name;
        slot = -1;
    }

    /** Slot of the current usemtl name, allotted when a face first uses it. */
    private int currentSlot() {
        if (slot < 0) {
            Integer known = slotOf.get(material);
            if (known == null) {
                known = slots.size();
                slots.add(material);
                slotOf.put(material, known);
            }
            slot = known;
        }
        return slot;
    }

    /** {@code mtllib a.mtl b.mtl}; a single name with spaces is accepted when that file exists. */
    private void mtllib() throws SceneFormatException {
        String rest = tokens.rest();
        String what = "line " + lines.lineNumber() + ": mtllib";
        if (rest.isEmpty()) {
            throw lines.fail("mtllib without a file name");
        }
        List<String> names = List.of(rest.split("[ \t\f\u000B]+"));
        if (names.size() > 1 && existsWhole(rest, what)) {
            names = List.of(rest);
        }
        for (String name : names) {
            Path mtl = refs.resolve(name, what);
            if (libraries.add(mtl)) {
                byte[] bytes = refs.read(name, what);
                MtlParser.parse(bytes, new ReferencedFiles(refs.root(), mtl), library);
            }
        }
    }

    private boolean existsWhole(String rest, String what) {
        try {
            return Files.isRegularFile(refs.resolve(rest, what));
        } catch (SceneFormatException e) {
            return false; // then the names one by one get the error they deserve
        }
    }

    private void finishMesh() {
        if (mesh != null && mesh.triangleCount() > 0) {
            ObjMeshBuilder.Draft d = mesh.build(positions, uvs, normals);
            meshes.add(d);
            finishedBytes += 4L * (d.positions().length + d.indices().length + d.slots().length)
                    + (d.normals() == null ? 0 : 4L * d.normals().length) + (d.uvs() == null ? 0 : 4L * d.uvs().length);
        }
        mesh = null;
    }

    private String meshName() {
        if (objectName != null && groupName != null) {
            return objectName + "/" + groupName;
        }
        return objectName != null ? objectName : groupName != null ? groupName : fileStem;
    }

    private static String nameOrNull(String name) {
        return name.isEmpty() ? null : name;
    }

    /**
     * Refuses a file before it exhausts the heap: a small file can name billions of distinct
     * (v, vt, vn) triples, each a mesh vertex with a hash-map entry of about 100 bytes.
     */
    private void checkMemorySometimes(int added) throws SceneFormatException {
        sinceMemoryCheck += added;
        if (sinceMemoryCheck < MEMORY_CHECK_INTERVAL) {
            return;
        }
        sinceMemoryCheck = 0;
        long pools = 4L * (positions.size() + uvs.size() + normals.size());
        long building = mesh == null ? 0 : 160L * mesh.vertexCount() + 16L * mesh.triangleCount();
        long needed = pools + building + finishedBytes;
        if (needed > memoryBudget) {
            throw lines.fail("the file needs about " + (needed >> 20) + " MiB to load, more than the "
                    + (memoryBudget >> 20) + " MiB a scene may use");
        }
    }
}
