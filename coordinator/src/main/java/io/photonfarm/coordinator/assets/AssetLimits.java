package io.photonfarm.coordinator.assets;

/**
 * Bounds on uploaded assets; every refusal names the bound it broke by these names.
 *
 * @param maxUploadBytes   the largest upload body, bytes ({@code assets.maxUploadBytes})
 * @param maxTriangles     the most triangles of a mesh asset, over all its instances ({@code assets.maxTriangles})
 * @param maxEntries       the most entries (files and folders) of an uploaded archive ({@code assets.maxEntries})
 * @param maxUnpackedBytes the most bytes an archive may unpack to, in all ({@code assets.maxUnpackedBytes})
 */
public record AssetLimits(long maxUploadBytes, long maxTriangles, int maxEntries, long maxUnpackedBytes) {
    /** 256 MiB uploads, 2M triangles, 1,000 archive entries, 1 GiB unpacked. */
    public static final AssetLimits DEFAULT = new AssetLimits(256L << 20, 2_000_000, 1_000, 1L << 30);

    public AssetLimits {
        if (maxUploadBytes < 1 || maxTriangles < 1 || maxEntries < 1 || maxUnpackedBytes < 1) {
            throw new IllegalArgumentException("asset limits must all be positive: " + maxUploadBytes + ", " + maxTriangles
                    + ", " + maxEntries + ", " + maxUnpackedBytes);
        }
    }

    /** {@code bytes} for people: "12.3 MB", "256 MiB" style, in binary units. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String number = String.format(java.util.Locale.ROOT, "%.1f", v);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[u];
    }
}
