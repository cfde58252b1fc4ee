package io.photonfarm.coordinator.gallery;

import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.image.AtomicWrites;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Small copies of frames' RGB for the dataset grid, made on first request and kept in the job's
 * {@code thumbs/} directory (which archives leave out: they are a cache, not the dataset). A
 * thumbnail older than its frame's {@code rgb.png} is made again.
 */
public final class Thumbnails {
    /** The longest side of a thumbnail, pixels. */
    public static final int MAX_SIDE = 256;
    static final String DIR = "thumbs";
    private final DatasetLayout layout;

    public Thumbnails(DatasetLayout layout) {
        this.layout = layout;
    }

    /** The thumbnail's PNG bytes; the frame must be written. */
    public byte[] thumbnail(JobId job, int frame) throws IOException {
        Path rgb = layout.rgbPng(job, frame);
        Path dir = layout.jobDir(job).resolve(DIR);
        Path cached = dir.resolve(DatasetLayout.frameDirName(frame) + ".png");
        if (Files.isRegularFile(cached)
                && !Files.getLastModifiedTime(cached).toInstant().isBefore(Files.getLastModifiedTime(rgb).toInstant())) {
            return Files.readAllBytes(cached);
        }
        BufferedImage source = ImageIO.read(rgb.toFile());
        if (source == null) {
            throw new IOException(rgb.getFileName() + " of job " + job + " frame " + frame + " is not a readable PNG");
        }
        byte[] png = Png.encode(scaled(source));
        Files.createDirectories(dir);
        AtomicWrites.write(cached, png);
        return png;
    }

    /** Halves the image with bilinear filtering until the last step, so detail is averaged, not dropped. */
    static BufferedImage scaled(BufferedImage source) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int tw = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int th = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage current = source;
        while (current.getWidth() != tw || current.getHeight() != th) {
            int w = Math.max(tw, current.getWidth() / 2);
            int h = Math.max(th, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        }
        return current;
    }
}
