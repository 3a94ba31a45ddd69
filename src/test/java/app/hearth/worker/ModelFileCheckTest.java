package app.hearth.worker;

import app.hearth.cache.ModelLoadException;
import app.hearth.protocol.ErrorCode;
import app.hearth.testsupport.BadGgufFiles.Kind;
import app.hearth.testsupport.BadGgufFiles;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileCheckTest {

    @TempDir
    Path folder;

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of(Kind.EMPTY, ErrorCode.MODEL_INVALID, "is empty"),
                Arguments.of(Kind.RANDOM_BYTES, ErrorCode.MODEL_INVALID, "not a GGUF model"),
                Arguments.of(Kind.WRONG_MAGIC, ErrorCode.MODEL_INVALID, "not a GGUF model"),
                Arguments.of(Kind.OLD_GGML, ErrorCode.MODEL_INVALID, "an older GGML file"),
                Arguments.of(Kind.VERSION_1, ErrorCode.MODEL_INVALID, "GGUF version 1,"),
                Arguments.of(Kind.VERSION_99, ErrorCode.MODEL_INVALID, "GGUF version 99"),
                Arguments.of(Kind.BIG_ENDIAN, ErrorCode.MODEL_INVALID, "big-endian"),
                Arguments.of(Kind.TRUNCATED, ErrorCode.MODEL_INVALID, "is truncated at"),
                Arguments.of(Kind.CUT_IN_HEADER, ErrorCode.MODEL_INVALID, "is truncated"),
                Arguments.of(Kind.HUGE_TENSOR_COUNT, ErrorCode.MODEL_INVALID,
                        "claims 1099511627776 tensors"),
                Arguments.of(Kind.HUGE_STRING, ErrorCode.MODEL_INVALID, "claims 1099511627776"),
                Arguments.of(Kind.DIRECTORY, ErrorCode.MODEL_INVALID, "is a folder"),
                Arguments.of(Kind.MISSING, ErrorCode.MODEL_NOT_FOUND, "does not exist"));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void brokenFileIsRefusedWithASentenceSayingHow(Kind kind, String code, String says)
            throws Exception {
        Path file = BadGgufFiles.write(kind, SharedModels.path(SharedModels.STORIES), folder);

        ModelLoadException refused = assertThrows(ModelLoadException.class,
                () -> ModelFileCheck.check(file));

        assertEquals(code, refused.code());
        assertTrue(refused.getMessage().contains(says), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("."), refused.getMessage());
    }

    @Test
    void everySharedModelPasses() {
        for (String name : new String[] {SharedModels.STORIES, SharedModels.TINY_RANDOM}) {
            assertDoesNotThrow(() -> ModelFileCheck.check(SharedModels.path(name)));
        }
    }

    @Test
    void fileCutAnywhereIsRefusedAndNeverThrowsAnythingElse() throws Exception {
        byte[] good = Files.readAllBytes(SharedModels.path(SharedModels.STORIES));
        Path file = folder.resolve("cut.gguf");

        for (int length = 0; length < good.length; length += 997) {
            Files.write(file, java.util.Arrays.copyOf(good, length));

            assertThrows(ModelLoadException.class, () -> ModelFileCheck.check(file),
                    "cut at " + length);
        }
    }
}
