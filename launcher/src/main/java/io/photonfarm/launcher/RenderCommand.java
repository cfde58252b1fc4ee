package io.photonfarm.launcher;

import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import io.photonfarm.node.render.FrameBuffer;
import io.photonfarm.node.render.FrameRenderer;
import io.photonfarm.node.render.FrameSettings;
import io.photonfarm.node.render.GpuScene;
import io.photonfarm.node.render.SceneUpload;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.io.AutoCamera;
import io.photonfarm.scene.io.CameraJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One-off local render of a scene to an image, without a server. */
@Command(name = "render", description = "Render a scene to an image (linear EXR or sRGB PNG).")
final class RenderCommand implements Callable<Integer> {
    @Option(names = "--scene", required = true, description = "OBJ, glTF or GLB file, or builtin:NAME.")
    String scene;
    @Option(names = "--camera", description = "camera.json (position, look_at, up, vfov_deg, aperture, focus).")
    Path camera;
    @Option(names = "--environment", description = "Environment: an .hdr or .exr map, or a constant r,g,b radiance.")
    String environment;
    @Option(names = "--environment-intensity", defaultValue = "1", description = "Multiplier of the environment map.")
    float environmentIntensity;
    @Option(names = "--environment-rotation", defaultValue = "0", description = "Rotation of the map about +y, degrees.")
    float environmentRotation;
    @Option(names = "--width", defaultValue = "512")
    int width;
    @Option(names = "--height", defaultValue = "512")
    int height;
    @Option(names = "--spp", defaultValue = "64", description = "Samples per pixel.")
    int spp;
    @Option(names = "--max-bounces", defaultValue = "8")
    int maxBounces;
    @Option(names = "--seed", defaultValue = "1")
    int seed;
    @Option(names = "--no-nee", description = "Pure path tracing (no light sampling).")
    boolean noNee;
    @Option(names = "--device", description = "Device: index or part of a name (see 'farm devices').")
    String device;
    @Option(names = "--validation", description = "Enable the Vulkan validation layer, if installed.")
    boolean validation;
    @Option(names = "--tile", defaultValue = "64", description = "Tile side, pixels.")
    int tile;
    @Option(names = "--out", required = true, description = "Output image: .exr (linear) or .png (sRGB).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Limits.check("--width", width, 1, FrameSettings.MAX_SIDE);
        Limits.check("--height", height, 1, FrameSettings.MAX_SIDE);
        Limits.check("--spp", spp, 1, 1 << 20);
        Limits.check("--max-bounces", maxBounces, 0, FrameSettings.MAX_BOUNCES);
        Limits.check("--tile", tile, 8, 4096);
        String ext = extension(out);
        if (!ext.equals("png") && !ext.equals("exr")) {
            throw new IllegalArgumentException("--out: " + out + " must end in .png or .exr");
        }
        Path outDir = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(outDir); // before rendering, so an unwritable place fails in a second, not after it
        } catch (IOException e) {
            throw new IOException("--out: cannot create the directory " + outDir + ": " + e.getMessage(), e);
        }
        PrintWriter log = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Scene loaded = SceneSource.load(scene);
        if (environment != null) {
            loaded = loaded.withEnvironment(parseEnvironment(environment));
        } else if (!scene.startsWith(SceneSource.BUILTIN)) {
            // Files carry no environment: a dim sky keeps unlit scenes from coming out black.
            loaded = loaded.withEnvironment(new Environment.Constant(new Rgb(0.2f, 0.2f, 0.2f)));
        }
        final Scene s = loaded;
        CameraSpec cam = camera != null ? CameraJson.read(camera)
                : s.camera().orElseGet(() -> AutoCamera.frame(s.worldBounds(), (float) width / height));
        FrameSettings settings = FrameSettings.of(width, height, seed, maxBounces, !noNee, cam);
        long t1 = System.nanoTime();
        try (VulkanContext ctx = VulkanContext.create(device, validation);
             VulkanBackend backend = new VulkanBackend(ctx, 0)) {
            log.println("device: " + backend.deviceDescription() + " (" + ctx.selection().reason() + ")");
            long t2 = System.nanoTime();
            try (GpuScene gpu = SceneUpload.load(backend, s)) {
                long t3 = System.nanoTime();
                FrameBuffer fb = new FrameRenderer(backend, tile, Math.max(1, Math.min(spp, 16))).render(gpu, settings, spp, r -> { });
                long t4 = System.nanoTime();
                FloatImage img = fb.toImage();
                if (ext.equals("png")) {
                    Images.writeSrgbPng(img, out);
                } else {
                    Images.writeExr(img, out);
                }
                double samples = (double) width * height * spp;
                log.printf(Locale.ROOT, "wrote %s: %dx%d, %d spp, %d bounces, %,d triangles; load %.2f s, device %.2f s, "
                                + "BVH+upload %.2f s, render %.2f s (%.2f M samples/s)%n",
                        out, width, height, spp, maxBounces, s.instancedTriangleCount(), sec(t1 - t0), sec(t2 - t1),
                        sec(t3 - t2), sec(t4 - t3), samples / ((t4 - t3) / 1e9) / 1e6);
                if (backend.invalidSamples() > 0) {
                    log.println("warning: " + backend.invalidSamples() + " samples were NaN or infinite and counted as 0");
                }
                if (validation) {
                    ctx.instance().validationMessages().forEach(m -> log.println("validation " + m));
                }
            }
        }
        return 0;
    }

    Environment parseEnvironment(String spec) throws IOException {
        Path file = Path.of(spec);
        if (Files.isRegularFile(file)) {
            return new Environment.Map(Images.readEnvironment(file), environmentIntensity, environmentRotation);
        }
        String[] parts = spec.split(",");
        if (parts.length == 3) {
            try {
                return new Environment.Constant(new Rgb(Float.parseFloat(parts[0].trim()), Float.parseFloat(parts[1].trim()),
                        Float.parseFloat(parts[2].trim())));
            } catch (IllegalArgumentException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("--environment: '" + spec + "' is neither an .hdr/.exr file nor r,g,b radiance");
    }

    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static double sec(long nanos) {
        return nanos / 1e9;
    }
}
