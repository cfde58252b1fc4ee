package io.photonfarm.coordinator.assets;

import io.photonfarm.api.asset.AssetKind;
import java.util.Locale;

/**
 * The file types an upload may be, told from the file name and checked against the first bytes,
 * so a renamed file is refused rather than misread.
 */
enum UploadFormat {
    GLTF("gltf", AssetKind.MESH, false),
    GLB("glb", AssetKind.MESH, false),
    OBJ("obj", AssetKind.MESH, false),
    ZIP("zip", AssetKind.MESH, true),
    TAR("tar", AssetKind.MESH, true),
    TAR_GZ("tar.gz", AssetKind.MESH, true),
    HDR("hdr", AssetKind.ENVIRONMENT, false),
    EXR("exr", AssetKind.ENVIRONMENT, false),
    PNG("png", AssetKind.PHOTOS, false),
    JPEG("jpg", AssetKind.PHOTOS, false),
    ONNX("onnx", AssetKind.MODEL, false);

    static final String ACCEPTED = ".gltf, .glb, .obj, .zip, .tar, .tar.gz (.tgz), .hdr, .exr, .png, .jpg (.jpeg), .onnx";

    final String label;
    final AssetKind kind;
    final boolean archive;

    UploadFormat(String label, AssetKind kind, boolean archive) {
        this.label = label;
        this.kind = kind;
        this.archive = archive;
    }

    /**
     * The format of an upload named {@code name} whose content starts with {@code head}.
     *
     * @throws AssetException 415 if the name has no accepted extension or the bytes contradict it
     */
    static UploadFormat detect(String name, byte[] head) {
        String n = name.toLowerCase(Locale.ROOT);
        UploadFormat byName = n.endsWith(".gltf") ? GLTF : n.endsWith(".glb") ? GLB : n.endsWith(".obj") ? OBJ
                : n.endsWith(".zip") ? ZIP : n.endsWith(".tar") ? TAR : n.endsWith(".tar.gz") || n.endsWith(".tgz") ? TAR_GZ
                : n.endsWith(".hdr") ? HDR : n.endsWith(".exr") ? EXR : n.endsWith(".png") ? PNG
                : n.endsWith(".jpg") || n.endsWith(".jpeg") ? JPEG : n.endsWith(".onnx") ? ONNX : null;
        if (byName == null) {
            throw AssetException.unsupported("upload '" + name + "': unknown file type; accepted: " + ACCEPTED);
        }
        String expected = switch (byName) {
            case GLB -> starts(head, 'g', 'l', 'T', 'F') ? null : "the binary glTF magic 'glTF'";
            case ZIP -> starts(head, 'P', 'K', 3, 4) || starts(head, 'P', 'K', 5, 6) ? null : "the zip magic 'PK'";
            case TAR_GZ -> starts(head, 0x1f, 0x8b) ? null : "the gzip magic 1f 8b";
            case TAR -> head.length >= 262 && starts(slice(head, 257), 'u', 's', 't', 'a', 'r') ? null
                    : "a tar header ('ustar' at byte 257)";
            case HDR -> starts(head, '#', '?') ? null : "the Radiance header '#?'";
            case EXR -> starts(head, 0x76, 0x2f, 0x31, 0x01) ? null : "the OpenEXR magic 76 2f 31 01";
            case GLTF -> firstNonSpace(head) == '{' ? null : "a JSON object";
            case OBJ -> looksBinary(head) ? "text" : null;
            case PNG -> starts(head, 0x89, 'P', 'N', 'G') ? null : "the PNG signature 89 50 4e 47";
            case JPEG -> starts(head, 0xff, 0xd8, 0xff) ? null : "the JPEG marker ff d8 ff";
            // A ModelProto starts with a protobuf tag; ONNX Runtime loading it is the real check.
            case ONNX -> head.length > 0 && (head[0] & 0x07) <= 5 && (head[0] & 0xff) >= 0x08 ? null : "a protobuf field tag";
        };
        if (expected != null) {
            throw AssetException.unsupported("upload '" + name + "': named ." + byName.label + " but does not start with "
                    + expected + " (starts with " + hex(head) + "); accepted: " + ACCEPTED);
        }
        return byName;
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] head, int from) {
        return java.util.Arrays.copyOfRange(head, from, head.length);
    }

    private static int firstNonSpace(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3; // a UTF-8 byte order mark
        }
        for (; i < head.length; i++) {
            if (!Character.isWhitespace(head[i])) {
                return head[i];
            }
        }
        return -1;
    }

    private static boolean looksBinary(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static String hex(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, head.length); i++) {
            sb.append(sb.isEmpty() ? "" : " ").append(String.format("%02x", head[i] & 0xff));
        }
        return sb.isEmpty() ? "nothing: the body is empty" : sb.toString();
    }
}
