package io.photonfarm.node.work;

import io.photonfarm.recipe.draw.PhotoTextures;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the photo sets recipes' image textures name ({@code asset:HASH}) are on this node: fetched
 * from the coordinator by hash into the scene files (once per node), a single photo as its own file
 * in its folder, a set as its canonical archive unpacked beside it. Either way the folder holds the
 * same photos under the same paths as on the coordinator, so {@link PhotoTextures} decodes the same
 * texels on both sides. The coordinator checked at submission that the hash is a photo set, so a
 * set that cannot be fetched is an error of the frame, not an absent set.
 */
final class FetchedPhotoFolders implements PhotoTextures.Folders {
    private static final String ASSET = "asset:";
    private final SceneFiles files;

    FetchedPhotoFolders(SceneFiles files) {
        this.files = files;
    }

    @Override
    public Optional<Path> folder(String ref) {
        if (ref == null || !ref.startsWith(ASSET)) {
            return Optional.empty();
        }
        try {
            return Optional.of(files.local(ref.substring(ASSET.length())).root());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching photo set " + ref, e);
        }
    }
}
