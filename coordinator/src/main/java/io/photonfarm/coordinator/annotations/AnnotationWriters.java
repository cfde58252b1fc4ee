package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotation writers a job asked for, in two phases.
 *
 * <ol>
 *   <li>Per frame, at frame assembly, before {@code meta.json}: {@link #writeFrame} writes each
 *       format's files into the frame directory, each atomically, and returns their names for
 *       {@code meta.json}'s file list. The frame's directory (with meta.json written last and the
 *       directory forced) is the durable record; nothing is kept in memory between frames.</li>
 *   <li>Per job, when all frames are written or whenever an up-to-date {@code annotations/} is
 *       wanted (e.g. before archiving a running job): {@link #finishJob} rebuilds
 *       {@code <jobDir>/annotations/} and {@code conventions.json} from the written frames' files alone.
 *       Idempotent (equal bytes for equal frames), order-free and restart-safe: any instance, on any
 *       coordinator, may run it again; frames without meta.json are left out.</li>
 * </ol>
 *
 * Thread-safe: one instance may write several frames at once. {@link #finishJob} for one job must not
 * run twice at the same time (a later run repairs what an interleaving left).
 */
public final class AnnotationWriters {
    /** The subdirectory of the job directory holding job-level annotation files. */
    public static final String ANNOTATIONS_DIR = "annotations";

    private final List<DatasetWriter> writers;
    private final double landmarkToleranceMetres;

    /**
     * @param formats                 the formats to write (may be empty: then only conventions.json)
     * @param landmarkToleranceMetres the landmark visibility tolerance the job's labels were computed
     *                                with, metres, stated in conventions.json
     */
    public AnnotationWriters(Collection<AnnotationFormat> formats, double landmarkToleranceMetres) {
        ObjectMapper json = new ObjectMapper()
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Set<AnnotationFormat> set = formats.isEmpty() ? EnumSet.noneOf(AnnotationFormat.class) : EnumSet.copyOf(formats);
        List<DatasetWriter> w = new ArrayList<>();
        for (AnnotationFormat f : set) {
            w.add(switch (f) {
                case COCO -> new CocoWriter(json);
                case BOP -> new BopWriter(json);
                case KITTI -> new KittiWriter();
                case YOLO -> new YoloWriter(json);
            });
        }
        this.writers = List.copyOf(w);
        this.landmarkToleranceMetres = landmarkToleranceMetres;
        conventions(); // refuses a bad tolerance now rather than at the job's end
    }

    /** The writers of the formats named in a job spec ("coco", "bop", "kitti", "yolo"). */
    public static AnnotationWriters of(Collection<String> formatIds, double landmarkToleranceMetres) {
        List<AnnotationFormat> formats = new ArrayList<>();
        for (String id : formatIds) {
            formats.add(AnnotationFormat.byWireName(id).orElseThrow(() -> new IllegalArgumentException(
                    "annotation format '" + id + "': known formats are " + String.join(", ", AnnotationFormat.wireNames()))));
        }
        return new AnnotationWriters(formats, landmarkToleranceMetres);
    }

    /** The configured formats, in format order. */
    public List<AnnotationFormat> formats() {
        return writers.stream().map(DatasetWriter::format).toList();
    }

    /**
     * Writes every configured format's files of one frame into {@code frameDir} (created if missing),
     * each file atomically; the caller writes {@code meta.json} after this returns, listing the names
     * returned, and forces the directory. Writing the same frame again gives equal files.
     *
     * @return the names of the files written, relative to {@code frameDir}, in a stable order
     * @throws IllegalArgumentException if the frame's annotations disagree with its instance pass, class
     *                                  table or keypoint schemas (nothing is written then)
     * @throws IOException              if a write fails; files already written stay (a retry replaces them)
     */
    public List<String> writeFrame(FrameLabels frame, Path frameDir) throws IOException {
        LabelledFrame checked = LabelledFrame.of(frame);
        Files.createDirectories(frameDir);
        List<String> names = new ArrayList<>();
        for (DatasetWriter w : writers) {
            try {
                names.addAll(w.writeFrame(checked, frameDir));
            } catch (IOException e) {
                throw new IOException("writing " + w.format().wireName() + " annotations of frame " + frame.frame() + " to "
                        + frameDir + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Rebuilds {@code <jobDir>/annotations/} (the configured formats' files) and
     * {@code <jobDir>/conventions.json} from the job's written frames.
     *
     * @param jobDir the job directory ({@code frames/NNNNNN/} below it)
     * @throws IOException if reading a frame's files or writing fails, or the frames contradict each
     *                     other (a class id with two names); files already replaced stay replaced, and a
     *                     later run starts over
     */
    public FinishReport finishJob(Path jobDir) throws IOException {
        List<WrittenFrame> frames = WrittenFrame.list(jobDir);
        Path annotations = jobDir.resolve(ANNOTATIONS_DIR);
        List<FormatReport> reports = new ArrayList<>();
        for (DatasetWriter w : writers) {
            try {
                reports.add(w.finishJob(frames, annotations));
            } catch (IOException e) {
                throw new IOException("finishing " + w.format().wireName() + " annotations of " + jobDir + ": "
                        + e.getMessage(), e);
            }
        }
        writeConventions(jobDir);
        return new FinishReport(frames.size(), reports);
    }

    /** The conventions of this job's dataset, with the configured formats' own. */
    public Conventions conventions() {
        Map<String, Map<String, String>> formats = new LinkedHashMap<>();
        for (DatasetWriter w : writers) {
            formats.put(w.format().wireName(), w.conventions());
        }
        return Conventions.of(landmarkToleranceMetres, formats);
    }

    /** Writes {@code <jobDir>/conventions.json} (also done by {@link #finishJob}); call it when the job starts. */
    public void writeConventions(Path jobDir) throws IOException {
        conventions().write(jobDir);
    }
}
