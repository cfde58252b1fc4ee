package io.photonfarm.refine;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A learned image-to-image refiner run with ONNX Runtime. The model takes one float tensor
 * {@code [1, C, H, W]} of encoded sRGB in [0, 1] (C = 1 or 3; H and W fixed or dynamic) and gives one
 * of the same shape; its output is clamped to [0, 1].
 *
 * <p>Large frames are cut into tiles: each model run reads a tile plus {@code overlap} pixels of
 * context on every side and only the tile itself is kept. When the overlap covers the model's
 * receptive-field radius, every kept pixel saw exactly what it would have seen in one whole-image
 * run, so the tiled output equals the untiled one and shows no seams. Along a dynamic axis tiles are
 * {@code tileSize} pixels and the context stops at the image's edge (the model pads there as it
 * would for the whole image); along a fixed axis of F pixels tiles are {@code F - 2 * overlap}
 * pixels and context beyond the edge repeats the edge pixel.
 *
 * <p>A grey frame given to a colour model is repeated into three channels and the output reduced
 * to luma; a colour frame given to a grey model is refined channel by channel. One session per
 * refiner, created here and released by {@link #close()}; frames may be refined concurrently.
 */
public final class OnnxRefiner implements Refiner {
    private final String modelRef;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    /** Model channels, or -1 when dynamic (then the frame's own). */
    private final int modelChannels;
    /** Fixed input height and width, or -1 when dynamic. */
    private final int fixedH;
    private final int fixedW;
    private final int tileSize;
    private final int overlap;
    private final double strength;
    /** Runs hold the read lock; close takes the write lock, so a session is never freed mid-run. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * Loads the model and checks its signature.
     *
     * @param modelRef  the model's reference in the job spec, for messages and parameters
     * @param modelFile the model file
     * @throws IllegalArgumentException when the model cannot be loaded or its signature does not fit
     */
    OnnxRefiner(String modelRef, Path modelFile, int tileSize, int overlap, double strength) {
        this.modelRef = modelRef;
        this.tileSize = tileSize;
        this.overlap = overlap;
        this.strength = strength;
        this.env = OrtEnvironment.getEnvironment();
        OrtSession s = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            s = env.createSession(modelFile.toString(), options);
            if (s.getNumInputs() != 1 || s.getNumOutputs() != 1) {
                throw bad("has " + s.getNumInputs() + " inputs and " + s.getNumOutputs() + " outputs; one of each expected");
            }
            Map.Entry<String, NodeInfo> in = s.getInputInfo().entrySet().iterator().next();
            long[] shape = tensorShape(in.getValue(), "input");
            long[] outShape = tensorShape(s.getOutputInfo().values().iterator().next(), "output");
            if (shape[0] > 1 || shape[1] == 0 || shape[1] == 2 || shape[1] > 3 || !sameOrDynamic(shape, outShape)) {
                throw bad("takes " + Arrays.toString(shape) + " and gives " + Arrays.toString(outShape)
                        + "; [1, C, H, W] in and out (C 1 or 3, -1 for dynamic) expected");
            }
            this.inputName = in.getKey();
            this.modelChannels = (int) shape[1];
            this.fixedH = (int) shape[2];
            this.fixedW = (int) shape[3];
            for (int fixed : new int[] {fixedH, fixedW}) {
                if (fixed > 0 && fixed - 2 * overlap < 1) {
                    throw bad("has a fixed input side of " + fixed + " pixels, too small for an overlap of " + overlap);
                }
            }
            this.session = s;
        } catch (OrtException e) {
            closeQuietly(s);
            throw new IllegalArgumentException("learned refiner model " + modelRef + " (" + modelFile + ") cannot be loaded: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    private IllegalArgumentException bad(String problem) {
        return new IllegalArgumentException("learned refiner model " + modelRef + " " + problem);
    }

    private long[] tensorShape(NodeInfo info, String what) {
        if (!(info.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT || t.getShape().length != 4) {
            throw bad("has " + what + " " + info.getInfo() + "; a rank-4 float tensor expected");
        }
        return t.getShape();
    }

    private static boolean sameOrDynamic(long[] a, long[] b) {
        for (int i = 0; i < 4; i++) {
            if (a[i] >= 0 && b[i] >= 0 && a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException ignored) {
                // Already failing with the load error, which says more.
            }
        }
    }

    @Override
    public String kind() {
        return RefinerSpec.ONNX;
    }

    @Override
    public FloatImage refine(FloatImage display, long jobSeed, int frame) {
        Pixels.checkChannels(kind(), display);
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("learned refiner " + modelRef + " is closed");
            }
            int c = display.channels();
            FloatImage out;
            if (modelChannels < 0 || modelChannels == c) {
                out = runTiled(display);
            } else if (modelChannels == 3) {
                out = toLuma(runTiled(repeatGrey(display)));
            } else {
                out = FloatImage.blank(display.width(), display.height(), c);
                for (int ch = 0; ch < c; ch++) {
                    FloatImage one = runTiled(channel(display, ch));
                    for (int i = 0; i < display.width() * display.height(); i++) {
                        out.data()[i * c + ch] = one.data()[i];
                    }
                }
            }
            return Pixels.blend(display, out, strength);
        } catch (OrtException e) {
            throw new IllegalStateException("learned refiner " + modelRef + " failed on frame " + frame + ": " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One axis's cut: tile starts and sizes, window starts and sizes. */
    private record Axis(int size, int step, int fixed, int overlap) {
        int tiles() {
            return (size + step - 1) / step;
        }

        int tileStart(int t) {
            return t * step;
        }

        int tileEnd(int t) {
            return Math.min(size, (t + 1) * step);
        }

        int windowStart(int t) {
            return fixed > 0 ? tileStart(t) - overlap : Math.max(0, tileStart(t) - overlap);
        }

        int windowSize(int t) {
            return fixed > 0 ? fixed : Math.min(size, tileEnd(t) + overlap) - windowStart(t);
        }
    }

    private FloatImage runTiled(FloatImage img) throws OrtException {
        int w = img.width();
        int h = img.height();
        int c = img.channels();
        Axis xs = new Axis(w, fixedW > 0 ? fixedW - 2 * overlap : tileSize, fixedW, overlap);
        Axis ys = new Axis(h, fixedH > 0 ? fixedH - 2 * overlap : tileSize, fixedH, overlap);
        float[] src = img.data();
        float[] dst = new float[src.length];
        for (int ty = 0; ty < ys.tiles(); ty++) {
            for (int tx = 0; tx < xs.tiles(); tx++) {
                int wx = xs.windowStart(tx);
                int wy = ys.windowStart(ty);
                int ww = xs.windowSize(tx);
                int wh = ys.windowSize(ty);
                float[] planar = new float[c * wh * ww];
                for (int ch = 0; ch < c; ch++) {
                    for (int y = 0; y < wh; y++) {
                        int sy = Math.max(0, Math.min(h - 1, wy + y));
                        for (int x = 0; x < ww; x++) {
                            int sx = Math.max(0, Math.min(w - 1, wx + x));
                            planar[(ch * wh + y) * ww + x] = src[(sy * w + sx) * c + ch];
                        }
                    }
                }
                float[] result = run(planar, new long[] {1, c, wh, ww});
                for (int y = ys.tileStart(ty); y < ys.tileEnd(ty); y++) {
                    for (int x = xs.tileStart(tx); x < xs.tileEnd(tx); x++) {
                        for (int ch = 0; ch < c; ch++) {
                            dst[(y * w + x) * c + ch] = result[(ch * wh + (y - wy)) * ww + (x - wx)];
                        }
                    }
                }
            }
        }
        return new FloatImage(w, h, c, dst);
    }

    private float[] run(float[] planar, long[] shape) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(planar), shape);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            OnnxValue value = result.get(0);
            if (!(value instanceof OnnxTensor t) || !Arrays.equals(t.getInfo().getShape(), shape)) {
                throw new IllegalStateException("learned refiner " + modelRef + " gave " + value.getInfo() + " for an input of "
                        + Arrays.toString(shape) + "; the same shape expected");
            }
            FloatBuffer fb = t.getFloatBuffer();
            float[] out = new float[fb.remaining()];
            fb.get(out);
            return out;
        }
    }

    private static FloatImage repeatGrey(FloatImage grey) {
        int n = grey.width() * grey.height();
        float[] rgb = new float[n * 3];
        for (int i = 0; i < n; i++) {
            rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = grey.data()[i];
        }
        return new FloatImage(grey.width(), grey.height(), 3, rgb);
    }

    private static FloatImage toLuma(FloatImage rgb) {
        int n = rgb.width() * rgb.height();
        float[] d = rgb.data();
        float[] grey = new float[n];
        for (int i = 0; i < n; i++) {
            grey[i] = (float) Colour.luma(d[i * 3], d[i * 3 + 1], d[i * 3 + 2]);
        }
        return new FloatImage(rgb.width(), rgb.height(), 1, grey);
    }

    private static FloatImage channel(FloatImage img, int ch) {
        int n = img.width() * img.height();
        float[] one = new float[n];
        for (int i = 0; i < n; i++) {
            one[i] = img.data()[i * img.channels() + ch];
        }
        return new FloatImage(img.width(), img.height(), 1, one);
    }

    @Override
    public Map<String, Object> parameters(long jobSeed, int frame) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind());
        p.put("model", modelRef);
        p.put("tileWidth", fixedW > 0 ? fixedW - 2 * overlap : tileSize);
        p.put("tileHeight", fixedH > 0 ? fixedH - 2 * overlap : tileSize);
        p.put("overlap", overlap);
        p.put("strength", strength);
        return p;
    }

    /** Whether ONNX Runtime itself reports the session as released (it refuses to describe a closed one). */
    boolean sessionReleased() {
        try {
            session.getInputInfo();
            return false;
        } catch (IllegalStateException e) {
            return true;
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("closing learned refiner " + modelRef + ": " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
