package io.photonfarm.coordinator.assets;

import io.photonfarm.api.asset.AssetKind;
import io.photonfarm.api.asset.AssetView;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import io.photonfarm.recipe.draw.EnvironmentMaps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Environment maps recipes name as {@code asset:HASH}: uploaded Radiance .hdr or EXR assets, decoded
 * once and kept (the last few; maps are large). Any other reference, a mesh asset or an unknown
 * hash is no map, and the recipe is refused naming it.
 */
public final class AssetEnvironmentMaps implements EnvironmentMaps {
    private static final int KEPT = 2;
    private final AssetLibrary library;
    private final Map<String, FloatImage> decoded = Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FloatImage> eldest) {
            return size() > KEPT;
        }
    });

    public AssetEnvironmentMaps(AssetLibrary library) {
        this.library = library;
    }

    @Override
    public Optional<FloatImage> find(String ref) {
        if (ref == null || !ref.startsWith(AssetView.SCENE_PREFIX)) {
            return Optional.empty();
        }
        String hash = ref.substring(AssetView.SCENE_PREFIX.length());
        AssetView view; // asked every time, so a deleted map is no map, even if it is still decoded here
        try {
            view = library.get(hash);
        } catch (AssetException e) {
            return Optional.empty();
        }
        if (view.kind() != AssetKind.ENVIRONMENT) {
            return Optional.empty();
        }
        FloatImage hit = decoded.get(hash);
        if (hit != null) {
            return Optional.of(hit);
        }
        try {
            FloatImage image = Images.readEnvironment(library.content(hash).file());
            decoded.put(hash, image);
            return Optional.of(image);
        } catch (IOException e) {
            throw new UncheckedIOException("reading environment map " + ref + ": " + e.getMessage(), e);
        }
    }
}
