package io.photonfarm.coordinator.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A photos asset: one PNG or JPEG, or an archive holding only PNG and JPEG files (in any folders),
 * the real photographs of a target domain. Each photo is decoded at upload, so a broken one is
 * refused with its name rather than failing a job later.
 */
public final class PhotoSet {
    /** The longest side a photo may have, pixels. */
    public static final int MAX_SIDE = 8192;
    /** The most photos one set may hold. */
    public static final int MAX_PHOTOS = io.photonfarm.refine.TargetDomain.MAX_PHOTOS;

    private PhotoSet() {
    }

    static boolean isPhoto(String path) {
        String l = path.toLowerCase(Locale.ROOT);
        return l.endsWith(".png") || l.endsWith(".jpg") || l.endsWith(".jpeg");
    }

    /** Whether an archive's files are all photos (and there is at least one). */
    static boolean isPhotoArchive(List<String> paths) {
        return !paths.isEmpty() && paths.stream().allMatch(PhotoSet::isPhoto);
    }

    static String first(List<String> paths) {
        return paths.stream().sorted().findFirst().orElseThrow();
    }

    /**
     * The set's photos in {@code files} (an asset's files folder), sorted by path, so every coordinator
     * indexes them alike.
     */
    public static List<Path> photos(Path files) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.filter(Files::isRegularFile).filter(p -> isPhoto(p.getFileName().toString())).forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    /** Checks every photo's size and that it decodes. @throws AssetException naming the photo and the limit */
    static void check(Path files) throws IOException {
        List<Path> photos = photos(files);
        if (photos.size() > MAX_PHOTOS) {
            throw AssetException.tooLarge("photo set: " + photos.size() + " photos exceed the limit of " + MAX_PHOTOS);
        }
        for (Path photo : photos) {
            String name = files.relativize(photo).toString();
            try (ImageInputStream in = ImageIO.createImageInputStream(photo.toFile())) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers == null || !readers.hasNext()) {
                    throw AssetException.invalid(name + ": not a readable PNG or JPEG");
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    int w = reader.getWidth(0);
                    int h = reader.getHeight(0);
                    if (w > MAX_SIDE || h > MAX_SIDE) {
                        throw AssetException.tooLarge(name + ": " + w + "x" + h + " pixels; photos may be at most " + MAX_SIDE
                                + " pixels on a side");
                    }
                    if (w < 16 || h < 16) {
                        throw AssetException.invalid(name + ": " + w + "x" + h + " pixels; photos must be at least 16x16");
                    }
                    reader.read(0);
                } catch (IOException | RuntimeException e) {
                    if (e instanceof AssetException a) {
                        throw a;
                    }
                    throw AssetException.invalid(name + ": does not decode: " + e.getMessage());
                } finally {
                    reader.dispose();
                }
            }
        }
    }
}
