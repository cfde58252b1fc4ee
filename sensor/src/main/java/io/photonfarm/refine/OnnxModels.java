package io.photonfarm.refine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Small ONNX models written directly as the protobuf bytes of an {@code onnx.ModelProto} (IR
 * version 8, default opset 13): a stand-in learned refiner for benchmarks and tests where no
 * trained model is at hand. Field numbers are those of {@code onnx/onnx.proto}.
 */
public final class OnnxModels {
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_INTS = 7;

    private OnnxModels() {
    }

    /**
     * One 3x3 convolution with zero padding 1 (so output size = input size) plus a bias: input
     * {@code image} and output {@code refined}, both {@code [1, channels, H, W]} float.
     *
     * @param weights     channels * channels * 3 * 3 values, [out][in][row][column]
     * @param bias        channels values
     * @param fixedHeight the input's fixed height, or 0 for a dynamic one
     * @param fixedWidth  the input's fixed width, or 0 for a dynamic one
     */
    public static byte[] convolution3x3(int channels, float[] weights, float[] bias, int fixedHeight, int fixedWidth) {
        if (weights.length != channels * channels * 9 || bias.length != channels) {
            throw new IllegalArgumentException("a 3x3 convolution of " + channels + " channels needs " + channels * channels * 9
                    + " weights and " + channels + " biases, got " + weights.length + " and " + bias.length);
        }
        Message conv = new Message()
                .string(1, "image").string(1, "W").string(1, "B")
                .string(2, "refined")
                .string(3, "conv")
                .string(4, "Conv")
                .message(5, new Message().string(1, "kernel_shape").ints(8, 3, 3).varint(20, ATTRIBUTE_INTS))
                .message(5, new Message().string(1, "pads").ints(8, 1, 1, 1, 1).varint(20, ATTRIBUTE_INTS));
        Message graph = new Message()
                .message(1, conv)
                .string(2, "refiner")
                .message(5, tensor("W", weights, channels, channels, 3, 3))
                .message(5, tensor("B", bias, channels))
                .message(11, valueInfo("image", channels, fixedHeight, fixedWidth))
                .message(12, valueInfo("refined", channels, fixedHeight, fixedWidth));
        return new Message()
                .varint(1, 8)
                .string(2, "photonfarm")
                .message(7, graph)
                .message(8, new Message().varint(2, 13))
                .bytes();
    }

    private static Message tensor(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return new Message().ints(1, dims).varint(2, FLOAT).string(8, name).raw(9, raw.array());
    }

    private static Message valueInfo(String name, int channels, int height, int width) {
        Message shape = new Message()
                .message(1, new Message().varint(1, 1))
                .message(1, new Message().varint(1, channels))
                .message(1, height > 0 ? new Message().varint(1, height) : new Message().string(2, "height"))
                .message(1, width > 0 ? new Message().varint(1, width) : new Message().string(2, "width"));
        Message tensorType = new Message().varint(1, FLOAT).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    /** A protobuf message being written: fields appended in order. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            tag(field, 0);
            writeVarint(value);
            return this;
        }

        /** A repeated int64 field, one entry per value (unpacked, as proto2 declares it). */
        Message ints(int field, long... values) {
            for (long v : values) {
                varint(field, v);
            }
            return this;
        }

        Message string(int field, String value) {
            return raw(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return raw(field, value.bytes());
        }

        Message raw(int field, byte[] value) {
            tag(field, 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            writeVarint((long) field << 3 | wireType);
        }

        private void writeVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
