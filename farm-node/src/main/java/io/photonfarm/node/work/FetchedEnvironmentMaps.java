package io.photonfarm.node.work;

import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import io.photonfarm.recipe.draw.EnvironmentMaps;
import io.photonfarm.scene.io.SceneFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment maps recipes name as {@code asset:HASH}, fetched from the coordinator by hash
 * into the node's scene files (once per node) and decoded once (the last few kept). The coordinator
 * checked at submission that the hash is an environment map, so a map that does not decode here is
 * an error of the frame, not an absent map.
 */
final class FetchedEnvironmentMaps implements EnvironmentMaps {
    private static final String ASSET = "asset:";
    private static final int KEPT = 2;
    private final SceneFiles files;
    private final Map<String, FloatImage> decoded = Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FloatImage> eldest) {
            return size() > KEPT;
        }
    });

    FetchedEnvironmentMaps(SceneFiles files) {
        this.files = files;
    }

    @Override
    public Optional<FloatImage> find(String ref) {
        if (ref == null || !ref.startsWith(ASSET)) {
            return Optional.empty();
        }
        String hash = ref.substring(ASSET.length());
        FloatImage hit = decoded.get(hash);
        if (hit != null) {
            return Optional.of(hit);
        }
        try {
            FloatImage image = Images.readEnvironment(files.file(hash));
            decoded.put(hash, image);
            return Optional.of(image);
        } catch (SceneFormatException e) {
            throw new IllegalStateException("environment map " + ref + " does not load: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading environment map " + ref + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching environment map " + ref, e);
        }
    }
}
