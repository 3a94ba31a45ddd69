package app.hearth.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.hearth.gguf.GgufException.Reason;
import app.hearth.testsupport.GgufBytes;
import app.hearth.testsupport.SharedModels;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GgufReaderBadFilesTest {

    @TempDir
    Path dir;

    @Test
    void refusesEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("empty.gguf"), new byte[0]);

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.NOT_GGUF, "empty.gguf", ex);
    }

    @Test
    void refusesRandomBytes() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("noise.gguf"), bytes);

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.NOT_GGUF, "noise.gguf", ex);
    }

    @Test
    void refusesWrongMagic() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedModels.path(SharedModels.STORIES));
        bytes[3] = 'G';
        Path file = Files.write(dir.resolve("ggug.gguf"), bytes);

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.NOT_GGUF, "ggug.gguf", ex);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 0x0300_0000, -1})
    void refusesUnsupportedVersion(int version) throws Exception {
        Path file = write("version.gguf", GgufBytes.header(version, 0, 0));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.UNSUPPORTED_VERSION, "version.gguf", ex);
    }

    @Test
    void readsVersion2Header() throws Exception {
        Path file = write("v2.gguf", GgufBytes.header(2, 0, 1)
                .kvString("general.architecture", "llama"));

        GgufModel model = GgufReader.read(file);

        assertEquals(2, model.version());
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 20, 30, 200, 5000, 14_000})
    void reportsFileCutInsideItsHeader(int length) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedModels.path(SharedModels.STORIES));
        Path file = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, length));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.TRUNCATED, "cut.gguf", ex);
        assertTrue(ex.getMessage().contains("header"), ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {14_176, 600_000, 1_185_375})
    void reportsHowMuchOfTheIndexATruncatedFileHolds(int length) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedModels.path(SharedModels.STORIES));
        Path file = Files.write(dir.resolve("partial.gguf"), Arrays.copyOf(bytes, length));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        long percent = Math.min(99, length * 100L / bytes.length);
        assertReason(Reason.TRUNCATED, "partial.gguf", ex);
        assertTrue(ex.getMessage().contains("truncated at " + percent
                + "% of what its index needs"), ex.getMessage());
    }

    @Test
    void refusesHugeTensorCount() throws Exception {
        Path file = write("tensors.gguf", GgufBytes.header(3, Long.MAX_VALUE, 0));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.CORRUPT, "tensors.gguf", ex);
    }

    @Test
    void refusesHugeKeyCount() throws Exception {
        Path file = write("keys.gguf", GgufBytes.header(3, 0, -1L));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.CORRUPT, "keys.gguf", ex);
    }

    @Test
    void refusesHugeStringLength() throws Exception {
        Path file = write("string.gguf", GgufBytes.header(3, 0, 1)
                .string("general.name").u32(GgufBytes.STRING).u64(1L << 40));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.CORRUPT, "string.gguf", ex);
    }

    @Test
    void refusesHugeArrayLength() throws Exception {
        Path file = write("array.gguf", GgufBytes.header(3, 0, 1)
                .string("tokenizer.ggml.tokens").u32(GgufBytes.ARRAY).u32(GgufBytes.STRING)
                .u64(1L << 60));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.CORRUPT, "array.gguf", ex);
    }

    @Test
    void refusesUnknownValueType() throws Exception {
        Path file = write("type.gguf", GgufBytes.header(3, 0, 1).string("x").u32(13).u32(0));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.CORRUPT, "type.gguf", ex);
    }

    @Test
    void refusesUnknownTensorType() throws Exception {
        Path file = write("tensor.gguf", oneTensor(64, 4, 0).align(32).raw(new byte[256]));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.CORRUPT, "tensor.gguf", ex);
    }

    @Test
    void refusesTensorOutsideTheFile() throws Exception {
        Path file = write("far.gguf", oneTensor(64, 0, 1L << 40).align(32).raw(new byte[256]));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.CORRUPT, "far.gguf", ex);
    }

    @Test
    void refusesTensorWithOverflowingSize() throws Exception {
        Path file = write("size.gguf", GgufBytes.header(3, 1, 0).string("w").u32(2)
                .u64(1L << 40).u64(1L << 40).u32(0).u64(0).align(32));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file));

        assertReason(Reason.CORRUPT, "size.gguf", ex);
    }

    @Test
    void refusesDirectory() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.gguf"));

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(folder));

        assertReason(Reason.NOT_A_FILE, "folder.gguf", ex);
    }

    @Test
    void reportsMissingFile() {
        Path missing = dir.resolve("gone.gguf");

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(missing));

        assertReason(Reason.NOT_FOUND, "gone.gguf", ex);
    }

    @Test
    void reportsFileThatCannotBeOpened() {
        Path file = SharedModels.path(SharedModels.STORIES);

        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file,
                path -> {
                    throw new IOException("Input/output error");
                }));

        assertReason(Reason.UNREADABLE, "stories260K.gguf", ex);
        assertTrue(ex.getMessage().contains("Input/output error"), ex.getMessage());
    }

    @Test
    void reportsReadErrorInsideTheFile() {
        Path file = SharedModels.path(SharedModels.STORIES);

        // Reading a directory's channel fails with EISDIR after the open succeeded.
        GgufException ex = assertThrows(GgufException.class, () -> GgufReader.read(file,
                path -> FileChannel.open(dir, StandardOpenOption.READ)));

        assertReason(Reason.UNREADABLE, "stories260K.gguf", ex);
    }

    @Test
    void readsValidFileAtPathWithSpacesAndAccents() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mes modèles é"));
        Path file = Files.copy(SharedModels.path(SharedModels.STORIES),
                folder.resolve("Ünïcode story 模型.gguf"));

        GgufModel model = GgufReader.read(file);

        assertEquals(file, model.file());
        assertEquals(292_800, model.parameterCount());
    }

    /** A header with one F32-sized tensor of {@code elements} of the given type id. */
    private static GgufBytes oneTensor(long elements, int typeId, long offset) {
        return GgufBytes.header(3, 1, 1).kvString("general.architecture", "llama")
                .string("w").u32(1).u64(elements).u32(typeId).u64(offset);
    }

    private Path write(String name, GgufBytes bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static void assertReason(Reason expected, String fileName, GgufException ex) {
        assertEquals(expected, ex.reason(), ex.getMessage());
        assertTrue(ex.getMessage().contains(fileName), ex.getMessage());
    }
}
