package io.photonfarm.coordinator.dataset;

import io.photonfarm.labels.PinholeCalibration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.photonfarm.api.tile.MalformedTileResultException;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import io.photonfarm.coordinator.labels.FrameLabeler;
import io.photonfarm.coordinator.labels.OpticalFlowNote;
import io.photonfarm.labels.ObjectAnnotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.photonfarm.coordinator.camera.CameraDevelopment;

/**
 * Turns a frame's accepted, spooled tile results into its dataset files: {@code radiance.exr},
 * the image files the job's camera develops from it ({@code rgb.png} and, for a simulated camera,
 * its JPEG, raw mosaic and clean linear image: {@link CameraDevelopment}), the labels, then {@code meta.json} last, each written atomically, then deletes the frame's
 * spool.
 *
 * <p>Exact and order-free: fixed-point sums are added as 64-bit integers, and the frame is refused
 * ({@link FrameAssemblyException}, nothing written) unless every pixel received exactly spp samples
 * from ranges that partition [0, spp), so a missing or doubled unit never yields a wrong image.
 * Idempotent: once {@code meta.json} exists the frame is never rewritten, e.g. after a coordinator
 * restart replays the trigger. Memory: the frame's sums (w*h*3 longs, w*h sample counts), one
 * decoded tile at a time, and the float image handed to the writers.
 */
public final class FrameAssembler {
    private static final System.Logger LOG = System.getLogger(FrameAssembler.class.getName());

    private final DatasetLayout layout;
    private final TileSpool spool;
    private final Clock clock;
    private final FrameLabeler labeler;
    private final CameraDevelopment development;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param clock   the source of {@code meta.json}'s timestamps and the assembly timing
     * @param labeler writes the label passes and annotations of frames that have labels
     */
    public FrameAssembler(DatasetLayout layout, TileSpool spool, Clock clock, FrameLabeler labeler) {
        this(layout, spool, clock, labeler, new CameraDevelopment(ref -> {
            throw new IllegalStateException("no asset library to read target photos " + ref + " from");
        }, ref -> {
            throw new IllegalStateException("no asset library to read model " + ref + " from");
        }));
    }

    /** @param development turns the frame's radiance into its image files, as the job's simulated camera would */
    public FrameAssembler(DatasetLayout layout, TileSpool spool, Clock clock, FrameLabeler labeler,
            CameraDevelopment development) {
        this.layout = layout;
        this.spool = spool;
        this.clock = clock;
        this.labeler = labeler;
        this.development = development;
    }

    /**
     * Assembles {@code frame} from exactly {@code units}, reading each unit's result spooled under
     * its accepted epoch (results of other epochs are ignored, and deleted with the spool).
     *
     * @return {@code WRITTEN}, or {@code ALREADY_WRITTEN} if {@code meta.json} existed (then nothing
     *         is written; a leftover spool is deleted)
     * @throws FrameAssemblyException if a unit belongs to another frame, appears twice, is missing
     *                                from the spool or malformed, or the samples do not cover the frame exactly
     * @throws IOException            if reading the spool or writing the files fails; the frame stays unwritten
     */
    public AssemblyResult assemble(FrameJob frame, List<AcceptedUnit> units) throws IOException {
        Path dir = layout.frameDir(frame.jobId(), frame.frame());
        if (Files.exists(layout.metaJson(frame.jobId(), frame.frame()))) {
            spool.deleteFrame(frame.jobId(), frame.frame());
            return new AssemblyResult(AssemblyResult.Status.ALREADY_WRITTEN, dir, 0);
        }
        long start = clock.millis();
        checkUnitsBelong(frame, units);
        FrameSums sums = new FrameSums(frame);
        TileResultCodec codec = new TileResultCodec((long) frame.width() * frame.height());
        for (AcceptedUnit unit : units) {
            byte[] bytes = spool.read(unit.key(), unit.epoch()).orElseThrow(() -> new FrameAssemblyException(
                    "assembling frame " + frame + ": no spooled result for unit " + unit.key() + " epoch " + unit.epoch()));
            TileResult result;
            try {
                result = codec.decode(bytes);
            } catch (MalformedTileResultException e) {
                throw new FrameAssemblyException("assembling frame " + frame + ": spooled unit " + unit + ": "
                        + e.getMessage(), e);
            }
            sums.add(result, unit);
        }
        sums.checkCoverage(units.size());
        FloatImage image = sums.toImage();
        Files.createDirectories(dir);
        Path exr = layout.radianceExr(frame.jobId(), frame.frame());
        Images.writeExr(image, exr);
        CameraDevelopment.Developed developed = development.develop(frame.jobId(), frame.cameraModel(), frame.seed(),
                frame.frame(), image, dir);
        PinholeCalibration cal = PinholeCalibration.of(frame.camera(), frame.width(), frame.height());
        List<FrameMeta.FrameFile> files = new ArrayList<>(List.of(new FrameMeta.FrameFile(DatasetLayout.RADIANCE_EXR, Files.size(exr))));
        for (String name : developed.files()) {
            files.add(new FrameMeta.FrameFile(name, Files.size(dir.resolve(name))));
        }
        List<ObjectAnnotation> objects = List.of();
        OpticalFlowNote flow = null;
        if (frame.hasLabels()) {
            FrameLabeler.Output out = labeler.label(frame, sums.labelFrame(), cal, dir);
            for (String name : out.files()) {
                files.add(new FrameMeta.FrameFile(name, Files.size(dir.resolve(name))));
            }
            objects = out.objects();
            flow = out.opticalFlow();
        }
        long millis = clock.millis() - start;
        FrameMeta meta = new FrameMeta(FrameMeta.FORMAT_VERSION, frame.jobId().value(), frame.frame(), frame.width(),
                frame.height(), frame.spp(), frame.seed(), frame.camera(), FrameMeta.intrinsicsOf(cal),
                FrameMeta.extrinsicsOf(cal), new FrameMeta.Timings(clock.instant().toString(), millis), files, objects, frame.recipe(),
                imaging(developed, frame), flow);
        // meta.json last, and durable (file and directory forced): from here on the frame is written.
        DurableFiles.write(layout.metaJson(frame.jobId(), frame.frame()), json.writeValueAsBytes(meta));
        spool.deleteFrame(frame.jobId(), frame.frame());
        LOG.log(System.Logger.Level.DEBUG, () -> "frame " + frame + " assembled from " + units.size() + " units in "
                + millis + " ms");
        return new AssemblyResult(AssemblyResult.Status.WRITTEN, dir, millis);
    }

    /** meta.json's imaging section: what the camera did, plus the depth sensor's resolved profile. */
    private static Map<String, Object> imaging(CameraDevelopment.Developed developed, FrameJob frame) {
        var depth = frame.cameraModel() == null ? null : frame.cameraModel().depthSensor();
        if (developed.imaging() == null && depth == null) {
            return null;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (developed.imaging() != null) {
            out.putAll(developed.imaging());
        }
        if (depth != null) {
            out.put("depthSensor", depth.resolved());
        }
        return out;
    }

    private static void checkUnitsBelong(FrameJob frame, List<AcceptedUnit> units) {
        Map<WorkUnitKey, AcceptedUnit> seen = new HashMap<>();
        for (AcceptedUnit unit : units) {
            WorkUnitKey k = unit.key();
            if (!k.jobId().equals(frame.jobId()) || k.frame() != frame.frame()) {
                throw new FrameAssemblyException("assembling frame " + frame + ": unit " + unit + " belongs to another frame");
            }
            AcceptedUnit before = seen.putIfAbsent(k, unit);
            if (before != null) {
                throw new FrameAssemblyException("assembling frame " + frame + ": unit " + k + " accepted twice (epochs "
                        + before.epoch() + " and " + unit.epoch() + ")");
            }
        }
    }
}
