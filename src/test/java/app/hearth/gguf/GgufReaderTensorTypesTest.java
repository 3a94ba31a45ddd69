package app.hearth.gguf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.hearth.testsupport.GgufWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GgufReaderTensorTypesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "Q8_0", "Q4_0"})
    void readsGeneratedModelOfEachWritableType(GgmlType type) throws Exception {
        GgufWriter.Spec spec = GgufWriter.Spec.tiny().withType(type).withLayers(3);
        Path file = GgufWriter.write(spec, dir.resolve("model-" + type + ".gguf"));

        GgufModel model = GgufReader.read(file);

        long matrixBytes = 64L * 128 / type.blockSize() * type.blockBytes();
        assertAll(
                () -> assertEquals(Files.size(file), model.fileSizeBytes()),
                () -> assertEquals(type.name(), model.fileType()),
                () -> assertEquals(type, model.dominantTensorType()),
                () -> assertEquals(spec.parameterCount(), model.parameterCount()),
                () -> assertEquals(3, model.blockCount()),
                () -> assertEquals(2, model.kvHeadCount()),
                () -> assertEquals(matrixBytes, tensor(model, "blk.0.ffn_up.weight").byteSize()),
                () -> assertEquals(GgmlType.F32, tensor(model, "blk.0.ffn_norm.weight").type()));
    }

    private static GgufTensor tensor(GgufModel model, String name) {
        return model.tensors().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
