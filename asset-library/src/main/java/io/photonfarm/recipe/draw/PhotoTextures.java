package io.photonfarm.recipe.draw;

import io.photonfarm.scene.Texture;
import io.photonfarm.scene.io.TextureDecoder;
import io.photonfarm.scene.io.TextureScaling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link TextureImages} over photo sets on local disk: a reference's folder holds its PNG and JPEG
 * files (in any sub-folders); they are ordered by their {@code /}-separated path within the folder
 * ({@link String#compareTo} order), decoded to sRGB RGBA8 and scaled down to at most {@value #MAX_SIDE} texels on the
 * longest side (see {@link TextureScaling}), so the same files give the same textures on every
 * machine and one texture takes at most 4 MiB of GPU memory. Decoded textures are kept up to
 * {@value #KEPT_BYTES} bytes (least recently used dropped first). Safe for concurrent use.
 */
public final class PhotoTextures implements TextureImages {
    /** The longest side of an image texture, texels: larger photos are scaled down to it. */
    public static final int MAX_SIDE = 1024;
    /** How many bytes of decoded textures are kept. */
    static final long KEPT_BYTES = 256L << 20;
    private static final int KEPT_LISTINGS = 32;

    /** Where a reference's photos are on local disk. */
    @FunctionalInterface
    public interface Folders {
        /**
         * The folder holding the photos of {@code ref}, or empty when {@code ref} is no photo set.
         * Asked on every lookup, so a set that is gone is found gone.
         */
        Optional<Path> folder(String ref);
    }

    private final Folders folders;
    private final Map<Path, List<String>> listings = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, List<String>> eldest) {
            return size() > KEPT_LISTINGS;
        }
    });
    private final LinkedHashMap<Path, Texture> decoded = new LinkedHashMap<>(16, 0.75f, true);
    private long decodedBytes;

    public PhotoTextures(Folders folders) {
        this.folders = folders;
    }

    @Override
    public Optional<ImageSet> find(String ref) {
        Optional<Path> folder = folders.folder(ref);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path root = folder.get();
        List<String> names = listings.get(root);
        if (names == null) {
            try {
                names = photos(root);
            } catch (IOException e) {
                throw new UncheckedIOException("listing the photos of " + ref + ": " + e.getMessage(), e);
            }
            if (names.isEmpty()) {
                return Optional.empty();
            }
            listings.put(root, names);
        }
        List<String> set = names;
        return Optional.of(new ImageSet() {
            @Override
            public List<String> names() {
                return set;
            }

            @Override
            public Texture texture(int index) {
                return decoded(ref, root, set.get(index));
            }
        });
    }

    private Texture decoded(String ref, Path root, String name) {
        Path file = root.resolve(name);
        synchronized (decoded) {
            Texture hit = decoded.get(file);
            if (hit != null) {
                return hit;
            }
        }
        Texture t;
        try {
            t = decode(file, ref + "/" + name);
        } catch (IOException e) {
            throw new UncheckedIOException("reading image " + name + " of " + ref + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("image " + name + " of " + ref + ": " + e.getMessage(), e);
        }
        synchronized (decoded) {
            if (decoded.put(file, t) == null) {
                decodedBytes += t.rgba().length;
            }
            for (Iterator<Texture> it = decoded.values().iterator(); decodedBytes > KEPT_BYTES && it.hasNext(); ) {
                Texture old = it.next();
                if (old != t) {
                    decodedBytes -= old.rgba().length;
                    it.remove();
                }
            }
        }
        return t;
    }

    /**
     * The texture of one photo file: decoded to sRGB RGBA8 and fitted to {@link #MAX_SIDE}.
     *
     * @param name the texture's name
     * @throws IllegalArgumentException if the file is no decodable PNG or JPEG
     */
    public static Texture decode(Path file, String name) throws IOException {
        return TextureScaling.fit(TextureDecoder.decode(name, Files.readAllBytes(file)), MAX_SIDE);
    }

    /** The photos under {@code root}: {@code /}-separated relative paths of its .png, .jpg and .jpeg files, sorted. */
    public static List<String> photos(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> isPhoto(p.getFileName().toString()))
                    .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        }
        out.sort(null);
        return List.copyOf(out);
    }

    private static boolean isPhoto(String fileName) {
        String l = fileName.toLowerCase(Locale.ROOT);
        return l.endsWith(".png") || l.endsWith(".jpg") || l.endsWith(".jpeg");
    }
}
