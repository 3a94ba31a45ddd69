package app.hearth.testsupport;

import app.hearth.gguf.GgmlType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.SplittableRandom;

/**
 * Random tensor contents in ggml's layouts. Values are small (|w| below about 0.03), so
 * activations stay finite through many layers; norm weights are 1.
 */
final class TensorData {

    /** fp16 2^-12: the Q8_0 scale, so that 127 steps reach about 0.03. */
    private static final short Q8_SCALE = 0x0C00;
    /** fp16 2^-8: the Q4_0 scale, so that 8 steps reach about 0.03. */
    private static final short Q4_SCALE = 0x1C00;

    private TensorData() {
    }

    static void write(GgufWriter.TensorPlan plan, SplittableRandom random, ByteBuffer chunk,
            FileChannel out) throws IOException {
        GgmlType type = plan.type();
        long blocks = plan.elements() / type.blockSize();
        int blocksPerChunk = chunk.capacity() / type.blockBytes();
        for (long done = 0; done < blocks; done += blocksPerChunk) {
            int count = (int) Math.min(blocksPerChunk, blocks - done);
            chunk.clear();
            for (int i = 0; i < count; i++) {
                block(type, plan.isNorm(), random, chunk);
            }
            chunk.flip();
            GgufWriter.writeFully(out, chunk);
        }
    }

    private static void block(GgmlType type, boolean norm, SplittableRandom random,
            ByteBuffer chunk) {
        switch (type) {
            case F32:
                chunk.putFloat(norm ? 1f : Float.intBitsToFloat(smallF32Bits(random)));
                break;
            case F16:
                chunk.putShort(smallF16Bits(random));
                break;
            case Q8_0:
                chunk.putShort(Q8_SCALE);
                for (int i = 0; i < 32; i += 8) {
                    chunk.putLong(random.nextLong());
                }
                break;
            case Q4_0:
                chunk.putShort(Q4_SCALE);
                chunk.putLong(random.nextLong());
                chunk.putLong(random.nextLong());
                break;
            default:
                throw new IllegalArgumentException("cannot write " + type);
        }
    }

    /** A float of magnitude 2^-10 to 2^-6 with a random sign and mantissa. */
    private static int smallF32Bits(SplittableRandom random) {
        int bits = random.nextInt();
        int exponent = 117 + (bits >>> 23 & 0x3);
        return (bits & 0x8000_0000) | exponent << 23 | (bits & 0x7f_ffff);
    }

    /** A half-precision float of magnitude 2^-10 to 2^-6 with a random sign and mantissa. */
    private static short smallF16Bits(SplittableRandom random) {
        int bits = random.nextInt();
        int exponent = 5 + (bits >>> 10 & 0x3);
        return (short) ((bits >>> 16 & 0x8000) | exponent << 10 | (bits & 0x3ff));
    }
}
