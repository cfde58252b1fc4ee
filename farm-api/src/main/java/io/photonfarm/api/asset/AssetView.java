package io.photonfarm.api.asset;

/**
 * An uploaded asset as the API shows it.
 *
 * @param hash      hex SHA-256 of the asset's canonical content: the file itself, or for an archive the
 *                  canonical tar of its files (so the same files hash alike whatever the archive format)
 * @param name      the file name it was uploaded under
 * @param kind      mesh or environment map
 * @param format    the upload's format: gltf, glb, obj, zip, tar, tar.gz, hdr or exr
 * @param file      the scene or image file within the asset (for archives, its path inside)
 * @param bytes     size of the canonical content, bytes
 * @param triangles triangles of a mesh asset (0 for an environment map)
 * @param sceneRef  what a job names to render it ({@code asset:HASH})
 * @param metadata  class, landmarks and symmetry
 * @param created   when it was first uploaded, epoch milliseconds
 */
public record AssetView(String hash, String name, AssetKind kind, String format, String file, long bytes, long triangles,
        String sceneRef, AssetMetadata metadata, long created) {
    /** The scene reference prefix of uploaded assets. */
    public static final String SCENE_PREFIX = "asset:";

    public AssetView withMetadata(AssetMetadata m) {
        return new AssetView(hash, name, kind, format, file, bytes, triangles, sceneRef, m, created);
    }
}
