package io.photonfarm.scene.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The buffers and buffer views of one glTF document, and the bytes of its images. A buffer is
 * loaded on first use and kept: from the GLB BIN chunk (buffer 0 without a URI), from a base64
 * {@code data:} URI, or from a file beside the scene through {@link ReferencedFiles} (so it cannot
 * leave the scene's directory). Other URI schemes (http, file, ...) are refused.
 */
final class GltfBuffers {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    /**
     * A validated buffer view: {@code length} bytes from {@code offset} of a buffer.
     *
     * @param data   the whole buffer, little-endian, limited to its byteLength
     * @param stride byteStride, or 0 when the view does not define one (tightly packed)
     */
    record View(int index, ByteBuffer data, int offset, int length, int stride) {
    }

    private final GltfJson json;
    private final ReferencedFiles refs;
    private final boolean glb;
    private final byte[] glbBin;
    private final ByteBuffer[] buffers;

    /**
     * @param glb    whether the document came from a GLB file
     * @param glbBin the GLB BIN chunk, or null
     */
    GltfBuffers(GltfJson json, ReferencedFiles refs, boolean glb, byte[] glbBin) throws SceneFormatException {
        this.json = json;
        this.refs = refs;
        this.glb = glb;
        this.glbBin = glbBin;
        this.buffers = new ByteBuffer[json.count("buffers")];
    }

    /** Buffer view {@code index}, checked to lie inside its buffer. */
    View view(int index, String user) throws SceneFormatException {
        JsonNode v = json.element("bufferViews", index, user);
        String path = "bufferViews[" + index + "]";
        int buffer = (int) json.requiredInteger(v, "buffer", path, 0, Integer.MAX_VALUE);
        long offset = json.integer(v, "byteOffset", path, 0, Long.MAX_VALUE / 4, 0);
        long length = json.requiredInteger(v, "byteLength", path, 1, Long.MAX_VALUE / 4);
        int stride = (int) json.integer(v, "byteStride", path, 4, 252, 0);
        if (stride % 4 != 0) {
            throw json.error(path + ".byteStride", "must be a multiple of 4, was " + stride);
        }
        ByteBuffer data = buffer(buffer, path);
        if (offset + length > data.limit()) {
            throw json.error(path, "byteOffset " + offset + " + byteLength " + length + " exceeds buffer " + buffer
                    + " (" + data.limit() + " bytes)");
        }
        return new View(index, data, (int) offset, (int) length, stride);
    }

    /** A copy of a buffer view's bytes (for images stored in a buffer). */
    byte[] viewBytes(int index, String user) throws SceneFormatException {
        View v = view(index, user);
        byte[] out = new byte[v.length()];
        v.data().get(v.offset(), out);
        return out;
    }

    /** Buffer {@code index}: exactly byteLength bytes, little-endian. */
    ByteBuffer buffer(int index, String user) throws SceneFormatException {
        JsonNode b = json.element("buffers", index, user);
        if (buffers[index] != null) {
            return buffers[index];
        }
        String path = "buffers[" + index + "]";
        long byteLength = json.requiredInteger(b, "byteLength", path, 1, Long.MAX_VALUE);
        String uri = json.string(b, "uri", path);
        byte[] data;
        String source;
        if (uri == null) {
            if (!glb || index != 0) {
                throw json.error(path, "has no uri; only buffer 0 of a GLB file may omit it");
            }
            if (glbBin == null) {
                throw json.error(path, "refers to the GLB BIN chunk, but the file has none");
            }
            data = glbBin;
            source = "the GLB BIN chunk";
        } else {
            data = readUri(uri, path, true);
            source = isDataUri(uri) ? "its data URI" : "'" + uri + "'";
        }
        if (byteLength > data.length) {
            throw json.error(path, "byteLength " + byteLength + " exceeds the " + data.length + " bytes of " + source);
        }
        buffers[index] = ByteBuffer.wrap(data, 0, (int) byteLength).slice().order(ByteOrder.LITTLE_ENDIAN);
        return buffers[index];
    }

    /**
     * The bytes a URI refers to: a base64 data URI, or a relative reference (percent-encoded, as
     * URIs are) to a file inside the scene's directory.
     *
     * @param buffer whether this is a buffer URI (data URIs then must be application/octet-stream
     *               or application/gltf-buffer); image data URIs may have any media type, the
     *               decoder recognises PNG and JPEG by content
     */
    byte[] readUri(String uri, String path, boolean buffer) throws SceneFormatException {
        if (isDataUri(uri)) {
            return decodeDataUri(uri, path, buffer);
        }
        if (SCHEME.matcher(uri).matches()) {
            String scheme = uri.substring(0, uri.indexOf(':'));
            throw json.error(path, "URI '" + cut(uri) + "' uses the scheme '" + scheme
                    + "'; only relative file references and data: URIs are supported");
        }
        return refs.read(percentDecode(uri, path), path);
    }

    private static boolean isDataUri(String uri) {
        return uri.regionMatches(true, 0, "data:", 0, 5);
    }

    private byte[] decodeDataUri(String uri, String path, boolean buffer) throws SceneFormatException {
        int comma = uri.indexOf(',');
        if (comma < 0) {
            throw json.error(path, "data URI has no ',' before its data");
        }
        String header = uri.substring(5, comma).toLowerCase(Locale.ROOT);
        if (!header.endsWith(";base64")) {
            throw json.error(path, "data URI '" + cut(uri) + "' is not base64-encoded; only base64 data URIs are supported");
        }
        String mediaType = header.substring(0, header.length() - ";base64".length());
        int semicolon = mediaType.indexOf(';');
        mediaType = (semicolon >= 0 ? mediaType.substring(0, semicolon) : mediaType).trim();
        if (buffer && !mediaType.equals("application/octet-stream") && !mediaType.equals("application/gltf-buffer")) {
            throw json.error(path, "data URI has media type '" + mediaType
                    + "'; buffers must be application/octet-stream or application/gltf-buffer");
        }
        try {
            return Base64.getDecoder().decode(uri.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw json.error(path, "data URI holds invalid base64: " + e.getMessage(), e);
        }
    }

    /** Decodes %XX escapes (UTF-8 octets, RFC 3986); '+' stays '+', unlike form decoding. */
    private String percentDecode(String uri, String path) throws SceneFormatException {
        if (uri.indexOf('%') < 0) {
            return uri;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(uri.length());
        int i = 0;
        while (i < uri.length()) {
            int pct = uri.indexOf('%', i);
            int end = pct < 0 ? uri.length() : pct;
            bytes.writeBytes(uri.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (pct < 0) {
                break;
            }
            int hi = pct + 2 < uri.length() ? Character.digit(uri.charAt(pct + 1), 16) : -1;
            int lo = pct + 2 < uri.length() ? Character.digit(uri.charAt(pct + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw json.error(path, "URI '" + cut(uri) + "' has an invalid percent escape at character " + pct);
            }
            bytes.write(hi * 16 + lo);
            i = pct + 3;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw json.error(path, "URI '" + cut(uri) + "' decodes to invalid UTF-8", e);
        }
    }

    /** Data URIs can be megabytes long: messages show the start only. */
    private static String cut(String uri) {
        return uri.length() > 60 ? uri.substring(0, 57) + "..." : uri;
    }
}
