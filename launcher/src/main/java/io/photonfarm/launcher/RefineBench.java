package io.photonfarm.launcher;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import io.photonfarm.refine.DomainGapReport;
import io.photonfarm.refine.FlatShadedFrames;
import io.photonfarm.refine.OnnxModels;
import io.photonfarm.refine.Refiner;
import io.photonfarm.refine.Refiners;
import io.photonfarm.refine.TargetDomain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code farm bench refine}: how fast each refiner refines a frame, in megapixels per second, and
 * how long the domain-gap report takes, on flat-shaded procedural frames against a directory of
 * target photos. The learned refiner runs a given ONNX model, or by default a generated 3x3
 * convolution (a lower bound on what a real model costs: the figure is mostly tiling overhead).
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "Benchmark the domain-gap refiners (megapixels per second) and the domain-gap report.")
final class RefineBench implements Callable<Integer> {
    @Option(names = "--width", defaultValue = "1920")
    int width;
    @Option(names = "--height", defaultValue = "1080")
    int height;
    @Option(names = "--frames", defaultValue = "5", description = "Timed frames per refiner (after 2 untimed).")
    int frames;
    @Option(names = "--target", defaultValue = "sensor/src/test/resources/io/photonfarm/refine/real-photos",
            description = "Directory of target photos (PNG or JPEG); default: the repository's shared photos.")
    Path target;
    @Option(names = "--beta", defaultValue = "0.01", description = "Fourier domain adaptation's beta.")
    double beta;
    @Option(names = "--onnx-model", description = "An ONNX image-to-image model (default: a generated 3x3 convolution).")
    Path onnxModel;
    @Option(names = "--tile", defaultValue = "256", description = "The learned refiner's tile size, pixels.")
    int tile;
    @Option(names = "--overlap", defaultValue = "16", description = "The learned refiner's tile overlap, pixels.")
    int overlap;
    @Option(names = "--report-frames", defaultValue = "8", description = "Frames in the timed domain-gap report.")
    int reportFrames;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Limits.check("--width", width, 8, 16384);
        Limits.check("--height", height, 8, 16384);
        Limits.check("--frames", frames, 1, 1000);
        Limits.check("--report-frames", reportFrames, 1, 1000);
        PrintWriter out = spec.commandLine().getOut();
        List<Path> photos = photos(target);
        TargetDomain domain = TargetDomain.read(photos);
        Path model = onnxModel;
        Path generated = null;
        if (model == null) {
            generated = Files.createTempFile("photonfarm-refine-bench", ".onnx");
            model = Files.write(generated, OnnxModels.convolution3x3(3, blurKernel(), new float[3], 0, 0));
        }
        try {
            out.println(BenchFigures.machine());
            out.printf(Locale.ROOT, "settings: %dx%d RGB flat-shaded frames, %d timed frames per refiner after 2 untimed, "
                            + "target %d photos from %s, fda beta %s, onnx %s tile %d overlap %d%n", width, height, frames,
                    domain.size(), target, beta, onnxModel == null ? "generated 3x3 convolution" : onnxModel, tile, overlap);
            FloatImage[] inputs = new FloatImage[frames + 2];
            for (int f = 0; f < inputs.length; f++) {
                inputs[f] = FlatShadedFrames.frame(width, height, 1, f);
            }
            String modelRef = "asset:" + "0".repeat(64);
            Path modelFile = model;
            List<RefinerSpec> specs = List.of(RefinerSpec.fda(beta), RefinerSpec.reinhard(), RefinerSpec.histogram(),
                    RefinerSpec.onnx(modelRef, tile, overlap));
            for (RefinerSpec s : specs) {
                try (Refiner r = Refiners.create(s, domain, ref -> modelFile)) {
                    double[] seconds = new double[frames];
                    for (int f = 0; f < inputs.length; f++) {
                        long t0 = System.nanoTime();
                        r.refine(inputs[f], 1, f);
                        if (f >= 2) {
                            seconds[f - 2] = (System.nanoTime() - t0) / 1e9;
                        }
                    }
                    java.util.Arrays.sort(seconds);
                    double median = seconds[frames / 2];
                    out.printf(Locale.ROOT, "%-9s %7.1f ms per frame (median), %6.1f megapixels/s (best %.1f)%n", s.kind(),
                            median * 1e3, width * (double) height / median / 1e6, width * (double) height / seconds[0] / 1e6);
                    out.flush();
                }
            }
            List<FloatImage> reportSet = new ArrayList<>();
            for (int f = 0; f < reportFrames; f++) {
                reportSet.add(FlatShadedFrames.frame(width, height, 1, f));
            }
            DomainGapReport.compare(reportSet, domain, 1); // warm-up
            long t0 = System.nanoTime();
            DomainGapReport.Report report = DomainGapReport.compare(reportSet, domain, 1);
            double sec = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "report    %7.1f ms for %d frames against %d photos (%d patches of %d px per set, %d folds): "
                            + "classifier accuracy %.3f, histogram distance %.4f, noise sigma %.4f vs %.4f, slope %.2f vs %.2f%n",
                    sec * 1e3, reportFrames, domain.size(), report.patchesPerSet(), report.patchSize(), report.folds(),
                    report.classifierAccuracy(), report.histogramDistance(), report.noiseSigmaSynthetic(), report.noiseSigmaTarget(),
                    report.spectrumSlopeSynthetic(), report.spectrumSlopeTarget());
        } finally {
            if (generated != null) {
                Files.deleteIfExists(generated);
            }
        }
        return 0;
    }

    private static List<Path> photos(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--target: " + dir + " is not a directory of photos (run from the repository root "
                    + "for the default, or name one)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("--target: no PNG or JPEG files in " + dir);
            }
            return files;
        }
    }

    /** A per-channel 3x3 binomial blur: [1 2 1] x [1 2 1] / 16. */
    private static float[] blurKernel() {
        float[] w = new float[3 * 3 * 9];
        float[] k = {1, 2, 1, 2, 4, 2, 1, 2, 1};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 9; i++) {
                w[(c * 3 + c) * 9 + i] = k[i] / 16f;
            }
        }
        return w;
    }
}
