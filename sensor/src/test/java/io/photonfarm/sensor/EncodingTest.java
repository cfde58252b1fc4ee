package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.IspStage;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.image.FloatImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

class EncodingTest {
    private static final FloatImage SCENE = TestScenes.scene(96, 64, 1);

    private static SensorPipeline webcamAtQuality(int quality) {
        IspStage preset = SensorPresets.get("webcam-jpeg").orElseThrow().isp();
        IspStage isp = new IspStage(preset.whiteBalance(), preset.whiteBalanceGains(), preset.demosaic(), preset.ccm(), preset.gamma(),
                preset.toneCurve(), preset.contrast(), preset.sharpen(), preset.sharpenRadius(), quality);
        return new SensorPipeline(SensorPresets.resolve(new SensorProfile(null, "webcam-jpeg", null, null, null, null, isp, null)));
    }

    @Test
    void aJpegPresetWritesAJpegWhoseQualityChangesItsSize() {
        SensorFrame q45 = webcamAtQuality(45).process(SCENE, 1, 0);
        SensorFrame q95 = webcamAtQuality(95).process(SCENE, 1, 0);
        assertEquals("rgb.jpg", q45.image().fileName());
        assertEquals((byte) 0xFF, q45.image().bytes()[0]);
        assertEquals((byte) 0xD8, q45.image().bytes()[1]);
        assertTrue(q95.image().bytes().length > 1.5 * q45.image().bytes().length,
                "quality 95: " + q95.image().bytes().length + " bytes, quality 45: " + q45.image().bytes().length);
        SensorFrame preset = new SensorPipeline(SensorPresets.resolve(SensorProfile.ofPreset("webcam-jpeg"))).process(SCENE, 1, 0);
        assertArrayEquals(q45.image().bytes(), preset.image().bytes(), "the preset's quality is 45");
    }

    @Test
    void theReturnedDisplayImageIsTheDecodedJpegWithItsArtefacts() {
        SensorFrame frame = webcamAtQuality(20).process(SCENE, 1, 0);
        assertArrayEquals(ImageCodec.decode(frame.image().bytes(), 3).data(), frame.display().data());
    }

    @Test
    void aMonochromePresetWritesAGreyPngAndASixteenBitRawAtTwelveBits() throws Exception {
        SensorFrame frame = new SensorPipeline(SensorPresets.resolve(SensorProfile.ofPreset("industrial-mono-12bit"))).process(SCENE, 1, 0);
        assertEquals("rgb.png", frame.image().fileName());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(frame.image().bytes()));
        assertEquals(1, png.getRaster().getNumBands());
        assertEquals(1, frame.display().channels());
        assertEquals("100000", pngGamma(frame.image().bytes()), "a linear (gamma 1) image says so to viewers");
        assertEquals("raw.png", frame.raw().fileName());
        BufferedImage raw = ImageIO.read(new ByteArrayInputStream(frame.raw().bytes()));
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, raw.getType());
        int[] values = ImageCodec.decodeRaw(frame.raw().bytes());
        int max = Arrays.stream(values).max().orElseThrow();
        assertTrue(max <= 4095 && max > 255, "12-bit values, not rescaled: max " + max);
    }

    private static String pngGamma(byte[] png) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in);
            Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("gAMA")) {
                    return n.getAttributes().getNamedItem("value").getNodeValue();
                }
            }
            return null;
        } finally {
            reader.dispose();
        }
    }

    @Test
    void encodeWritesAPngProfilesDisplayImageBackToTheSameBytes() {
        SensorPipeline pipeline = new SensorPipeline(SensorPresets.resolve(SensorProfile.ofPreset("industrial-mono-12bit")));
        SensorFrame frame = pipeline.process(SCENE, 1, 0);
        assertArrayEquals(frame.image().bytes(), pipeline.encode(frame.display()).bytes());
    }
}
