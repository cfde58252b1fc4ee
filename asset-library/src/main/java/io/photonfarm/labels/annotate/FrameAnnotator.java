package io.photonfarm.labels.annotate;

import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.LandmarkAnnotation;
import io.photonfarm.labels.LandmarkVisibility;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.RegionMask;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.labels.SymmetryAnnotation;
import io.photonfarm.labels.raycast.Ray;
import io.photonfarm.labels.raycast.RayHit;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;
import org.joml.Matrix4fc;

/**
 * Computes the per-object annotations of a frame on the CPU from the scene, the camera and the
 * frame's instance pass (the id of the surface each pixel's centre ray met first, as the renderer
 * wrote it). Conventions: {@link PinholeCalibration} (continuous image coordinates, OpenCV camera
 * frame, metres) and {@link ObjectAnnotation}.
 *
 * <p>For every instance that is an object ({@link Instance#isObject()}):
 * <ul>
 *   <li><b>pose</b>: object -> camera, {@code X_cam = rotation * diag(scale) * X + translation}, the
 *       calibration's world -> camera composed with the instance's {@code objectToWorld}; the scale
 *       is the column norms of the instance's linear part, and the rotation that part's columns
 *       divided by them. A mirroring transform gets all three scale factors negated, so the
 *       rotation keeps det +1. A sheared transform (columns not orthogonal within 1e-5) has no such
 *       factoring: the rotation is then the orthogonal factor of its polar decomposition (the
 *       nearest rotation) and the product only approximates the transform; the 3D box corners and
 *       landmarks are always computed with the full transform;</li>
 *   <li><b>3D box</b>: the mesh's object-space bounds and their 8 corners in the camera frame;</li>
 *   <li><b>visible pixels and tight box</b>: from the instance pass;</li>
 *   <li><b>unoccluded silhouette</b> (amodal mask): the pixels whose centre ray would meet the object
 *       if it were alone in the scene, by rasterising its triangles at the pixel centres
 *       in homogeneous coordinates (the renderer's two-sided ray-triangle test for every centre at
 *       once, one multiply-add per edge and pixel, much cheaper than a BVH walk per pixel), united with the object's visible pixels,
 *       so that {@code visible <= unoccluded} holds even where the renderer's single-precision test
 *       and this double-precision one disagree at an edge; visibility = visible / unoccluded;</li>
 *   <li><b>amodal boxes</b>: the bounds of the projection of all mesh vertices (null when one is at
 *       Z <= {@link #NEAR_Z}), and of the mesh clipped to Z >= NEAR_Z, clipped to the image;</li>
 *   <li><b>landmarks</b>: camera-frame point, projection, and a visibility decided by a ray from the
 *       camera centre to the landmark ({@link LandmarkVisibility}, {@link LandmarkTolerance}).</li>
 * </ul>
 *
 * <p>Through a lens with distortion ({@link PinholeCalibration#lens()}) everything above follows the
 * distorted image, as the renderer's rays do: landmarks are their distorted projections
 * ({@link PinholeCalibration#pixelOf}, OpenCV's equations; a landmark the lens images nowhere is
 * out of frame); the silhouette tests each pixel centre's own undistorted ray ({@link FilmGrid}),
 * exact as before; the unclipped amodal box bounds the distorted vertices and edges, the edges
 * subdivided until straight to {@link CameraMesh#CURVE_TOLERANCE_PX} (straight edges image as curves
 * whose extremes can lie between vertices), and null as above or when a vertex is imaged nowhere; the
 * amodal box is that box clipped to the image, or, where it is null, the box of the silhouette's
 * pixels (whole pixels, exact for the pixel centres), since near-plane clipping of a curved image has
 * no closed form.
 * Objects whose silhouette covers no pixel centre are left out. Instances of no category (scenery)
 * never get an entry.
 *
 * <p>Instances of this class are immutable and thread-safe.
 */
public final class FrameAnnotator {
    /**
     * The near plane of the amodal boxes and of the rasteriser's bounding rectangles, metres: a mesh
     * with a vertex at Z <= NEAR_Z has no unclipped box, and the part of a triangle within NEAR_Z of
     * the camera plane is not rasterised.
     */
    public static final double NEAR_Z = 1e-6;

    private final LandmarkTolerance tolerance;

    /** An annotator with {@link LandmarkTolerance#DEFAULT}. */
    public FrameAnnotator() {
        this(LandmarkTolerance.DEFAULT);
    }

    public FrameAnnotator(LandmarkTolerance tolerance) {
        if (tolerance == null) {
            throw new IllegalArgumentException("landmark tolerance must be set");
        }
        this.tolerance = tolerance;
    }

    /** The landmark tolerance this annotator applies (to state in {@code conventions.json}). */
    public LandmarkTolerance landmarkTolerance() {
        return tolerance;
    }

    /**
     * Annotates one frame. Builds a {@link SceneRaycaster} only when some landmark lies in the image
     * (to reuse one across frames of the same scene, see the other overload).
     *
     * @param scene        the frame's scene
     * @param labels       its id tables ({@code SceneLabels.of(scene)})
     * @param cal          the frame's camera
     * @param width        image width, pixels
     * @param height       image height, pixels
     * @param instancePass row-major {@code width * height} instance ids (scene instance index + 1, 0 = background)
     * @return the objects whose unoccluded silhouette covers a pixel centre, by instance id, with their silhouettes
     * @throws IllegalArgumentException if the pass has the wrong size or an id the scene does not have
     */
    public FrameObjects annotate(Scene scene, SceneLabels labels, PinholeCalibration cal, int width, int height,
            int[] instancePass) {
        return annotate(scene, new Lazy(scene), labels, cal, width, height, instancePass);
    }

    /**
     * {@link #annotate(Scene, SceneLabels, PinholeCalibration, int, int, int[])} over {@code raycaster.scene()}.
     * To annotate several frames of one scene, build its ray caster once and use this: building the
     * BVHs costs about as much as annotating a frame.
     */
    public FrameObjects annotate(SceneRaycaster raycaster, SceneLabels labels, PinholeCalibration cal, int width,
            int height, int[] instancePass) {
        return annotate(raycaster.scene(), () -> raycaster, labels, cal, width, height, instancePass);
    }

    private FrameObjects annotate(Scene scene, Supplier<SceneRaycaster> raycaster, SceneLabels labels,
            PinholeCalibration cal, int width, int height, int[] instancePass) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("annotating a " + width + "x" + height + " frame: size must be >= 1x1");
        }
        int n = scene.instances().size();
        if (labels.instanceNames().size() != n + 1) {
            throw new IllegalArgumentException("annotating a scene of " + n + " instances with labels for "
                    + (labels.instanceNames().size() - 1));
        }
        InstancePassIndex pass = InstancePassIndex.of(instancePass, width, height, n);
        FilmGrid grid = null;
        List<ObjectAnnotation> objects = new ArrayList<>();
        List<RegionMask> masks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instance in = scene.instances().get(i);
            if (!in.isObject()) {
                continue;
            }
            Mesh mesh = scene.meshes().get(in.mesh());
            int id = i + 1;
            ObjectPose pose = ObjectPose.of(cal, in.objectToWorld());
            CameraMesh cam = CameraMesh.of(mesh, pose);
            Box2d unclipped = cam.projectedBounds(cal, NEAR_Z);
            Box2d amodal;
            RegionMask mask;
            if (cal.lens() == null) {
                Box2d clipped = unclipped != null ? unclipped : cam.clippedProjectedBounds(cal, NEAR_Z);
                amodal = clipped == null ? null : clipped.clip(width, height);
                mask = silhouette(cam, cal, null, PixelRect.centresIn(amodal, width, height, 1e-6), pass, id);
            } else {
                if (grid == null) {
                    grid = FilmGrid.of(cal, width, height);
                }
                Box2d b = cam.normalisedBounds(NEAR_Z);
                // The bounds are exact; the hair of slack only keeps rounding from dropping a centre on them.
                double slack = b == null ? 0 : 1e-12 * (1 + Math.abs(b.xMin()) + Math.abs(b.xMax()) + Math.abs(b.yMin())
                        + Math.abs(b.yMax()));
                PixelRect raster = b == null ? PixelRect.EMPTY
                        : grid.rectOf(b.xMin() - slack, b.xMax() + slack, b.yMin() - slack, b.yMax() + slack);
                mask = silhouette(cam, cal, grid, raster, pass, id);
                Box2d clipped = unclipped == null ? null : unclipped.clip(width, height);
                amodal = clipped != null ? clipped : mask.count() == 0 ? null
                        : new Box2d(mask.x(), mask.y(), mask.x() + mask.width(), mask.y() + mask.height());
            }
            int unoccluded = mask.count();
            if (unoccluded == 0) {
                continue;
            }
            int visible = pass.count(id);
            double visibility = Math.min(1.0, (double) visible / unoccluded);
            float[] fb = mesh.bounds();
            double[] bMin = {fb[0], fb[1], fb[2]};
            double[] bMax = {fb[3], fb[4], fb[5]};
            double[][] corners = new double[8][];
            for (int k = 0; k < 8; k++) {
                corners[k] = pose.toCamera((k & 1) == 0 ? bMin[0] : bMax[0], (k & 2) == 0 ? bMin[1] : bMax[1],
                        (k & 4) == 0 ? bMin[2] : bMax[2]);
            }
            List<LandmarkAnnotation> landmarks = landmarks(mesh, in.objectToWorld(), pose, i, cal, width, height,
                    raycaster);
            objects.add(new ObjectAnnotation(id, labels.instanceNames().get(id), in.category(), labels.classOf(id),
                    pose.rotation(), pose.translation(), pose.scale(), bMin, bMax, corners, pass.tightBox(id), amodal,
                    unclipped, visible, unoccluded, visibility, landmarks, SymmetryAnnotation.of(mesh.symmetries())));
            masks.add(mask);
        }
        return new FrameObjects(objects, masks);
    }

    /**
     * The rasterised silhouette over {@code raster} united with the visible pixels, over its own bounding
     * rectangle; through {@code grid}'s centre rays when the camera has a lens (grid not null).
     */
    private static RegionMask silhouette(CameraMesh cam, PinholeCalibration cal, FilmGrid grid, PixelRect raster,
            InstancePassIndex pass, int id) {
        PixelRect rect = raster.union(pass.rect(id));
        if (rect.isEmpty()) {
            return RegionMask.empty();
        }
        boolean[] work = new boolean[rect.width() * rect.height()];
        if (grid == null) {
            SilhouetteRaster.fill(cam, cal, NEAR_Z, rect, work);
        } else {
            SilhouetteRaster.fill(cam, grid, NEAR_Z, rect, work);
        }
        pass.fill(id, rect, work);
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        int w = rect.width();
        for (int j = 0; j < rect.height(); j++) {
            for (int i = 0; i < w; i++) {
                if (work[j * w + i]) {
                    x0 = Math.min(x0, i);
                    x1 = Math.max(x1, i);
                    y0 = Math.min(y0, j);
                    y1 = j;
                }
            }
        }
        if (x1 < 0) {
            return RegionMask.empty();
        }
        int mw = x1 - x0 + 1;
        int mh = y1 - y0 + 1;
        BitSet bits = new BitSet(mw * mh);
        for (int j = 0; j < mh; j++) {
            int src = (y0 + j) * w + x0;
            for (int i = 0; i < mw; i++) {
                if (work[src + i]) {
                    bits.set(j * mw + i);
                }
            }
        }
        return new RegionMask(rect.x0() + x0, rect.y0() + y0, mw, mh, bits);
    }

    private List<LandmarkAnnotation> landmarks(Mesh mesh, Matrix4fc objectToWorld, ObjectPose pose, int instance,
            PinholeCalibration cal, int width, int height, Supplier<SceneRaycaster> raycaster) {
        List<Landmark> points = mesh.landmarks().points();
        if (points.isEmpty()) {
            return List.of();
        }
        double[] centre = cal.cameraCentre();
        List<LandmarkAnnotation> out = new ArrayList<>(points.size());
        for (Landmark lm : points) {
            double x = lm.position().x();
            double y = lm.position().y();
            double z = lm.position().z();
            double[] c = pose.toCamera(x, y, z);
            double[] pixel = cal.pixelOf(c[0], c[1], c[2]);
            LandmarkVisibility visibility;
            if (pixel == null || !(pixel[0] >= 0 && pixel[0] < width && pixel[1] >= 0 && pixel[1] < height)) {
                visibility = LandmarkVisibility.OUT_OF_FRAME;
            } else {
                double[] world = new double[3];
                for (int r = 0; r < 3; r++) {
                    world[r] = objectToWorld.get(0, r) * x + objectToWorld.get(1, r) * y + objectToWorld.get(2, r) * z
                            + objectToWorld.get(3, r);
                }
                visibility = judge(raycaster.get(), centre, world, instance);
            }
            out.add(new LandmarkAnnotation(lm.name(), c, pixel, visibility));
        }
        return List.copyOf(out);
    }

    /** The ray test of one landmark at world point {@code target} on scene instance {@code instance}. */
    private LandmarkVisibility judge(SceneRaycaster raycaster, double[] centre, double[] target, int instance) {
        double dx = target[0] - centre[0];
        double dy = target[1] - centre[1];
        double dz = target[2] - centre[2];
        double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (!(d > 0)) {
            return LandmarkVisibility.VISIBLE;
        }
        RayHit hit = raycaster.closest(Ray.towards(centre, target));
        if (hit == null || hit.t() >= d - tolerance.at(d)) {
            return LandmarkVisibility.VISIBLE;
        }
        return hit.instance() == instance ? LandmarkVisibility.SELF_OCCLUDED : LandmarkVisibility.OCCLUDED;
    }

    /** Builds the scene's ray caster on first use only. */
    private static final class Lazy implements Supplier<SceneRaycaster> {
        private final Scene scene;
        private SceneRaycaster built;

        Lazy(Scene scene) {
            this.scene = scene;
        }

        @Override
        public SceneRaycaster get() {
            if (built == null) {
                built = new SceneRaycaster(scene);
            }
            return built;
        }
    }
}
