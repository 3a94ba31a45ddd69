package app.hearth.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/** The decoder meets random and mutated lines: a message or a ProtocolException, nothing else. */
class ProtocolCodecFuzzTest {

    private static final int LINES = 8_000;
    private static final String[] PIECES = {"{", "}", "[", "]", "\"", ":", ",", "\\", "\\u",
        "\\ud83d", "null", "true", "1e400", "-0", "9223372036854775808", "\"type\"", "\"id\"",
        "\"token\"", "\"models\"", "\"generate\"", "\"sampling\"", "😀", "\u0000", "\uFFFD",
        "\ud800", " ", "\n", "{\"type\":\"done\"", "NaN", "Infinity", "[[[[[[[[", "{\"a\":"};

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void randomLinesGiveAMessageOrAProtocolException() {
        Random random = new Random(20240605);

        for (int i = 0; i < LINES; i++) {
            assertDecodesOrRefuses(randomLine(random));
        }
    }

    @Test
    void mutatedValidLinesGiveAMessageOrAProtocolException() {
        Random random = new Random(7);
        List<String> valid = validLines();

        for (int i = 0; i < LINES; i++) {
            String line = valid.get(random.nextInt(valid.size()));
            assertDecodesOrRefuses(mutate(line, random));
        }
    }

    @Test
    void deeplyNestedValuesAreRefused() {
        String deep = "[".repeat(200_000);

        assertDecodesOrRefuses("{\"type\":\"token\",\"id\":" + deep);
        assertDecodesOrRefuses("{\"type\":\"models\",\"models\":" + deep + "]".repeat(200_000)
                + "}");
    }

    private void assertDecodesOrRefuses(String line) {
        for (int kind = 0; kind < 3; kind++) {
            try {
                Object message = switch (kind) {
                    case 0 -> codec.decode(line);
                    case 1 -> codec.decodeEvent(line);
                    default -> codec.decodeRequest(line);
                };
                if (message == null) {
                    fail("null for " + abbreviate(line));
                }
            } catch (ProtocolException expected) {
                // The one way to refuse a line.
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("Decoding threw " + e + " for: " + abbreviate(line), e);
            }
        }
    }

    private static List<String> validLines() {
        ProtocolCodec codec = new ProtocolCodec();
        List<Object> messages = List.of(
                new GenerateRequest("g1", "/m/a b.gguf", "Héllo 😀", Sampling.DEFAULT,
                        ModelOptions.DEFAULT, List.of("\n\n")),
                new LoadRequest("l1", "/m.gguf", new ModelOptions(512, 2), true),
                new CancelRequest("x1", "g1"), new StatusRequest("s1"),
                new ConfigureRequest("c1", 1L << 32, 60_000), new ShutdownRequest("q"),
                new HelloEvent(Protocol.VERSION, 42, 2), new TokenEvent("g1", "世界"),
                new DoneEvent("g1", "eos", 3, 4, 5, 6.5, 7.5),
                new ErrorEvent(null, ErrorCode.INTERNAL, "x"),
                new LoadedEvent("l1", "/m.gguf", 12), new UnloadedEvent(null, "/m", "evicted"),
                new ModelsEvent(List.of(new CachedModel("/m", "ready", false, 1, 2, 3, 4, 5))),
                new MemoryEvent(1, 2, 3, 4, 5, 6, 7, "normal"),
                new StatusEvent("s1", 0, 1, false),
                new TokenizeRequest("t1", "/m.gguf", "<s>[INST] 😀", ModelOptions.DEFAULT),
                new TokenizedEvent("t1", 7));
        List<String> lines = new ArrayList<>();
        messages.forEach(message -> lines.add(codec.encode(message)));
        return lines;
    }

    private static String randomLine(Random random) {
        StringBuilder line = new StringBuilder(random.nextBoolean() ? "{" : "");
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(4) == 0) {
                line.append((char) random.nextInt(0x10000));
            } else {
                line.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return line.toString();
    }

    private static String mutate(String line, Random random) {
        StringBuilder mutated = new StringBuilder(line);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && mutated.length() > 0; i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(5)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 2 -> mutated.setCharAt(at, (char) random.nextInt(128));
                case 3 -> mutated.setLength(at);
                default -> mutated.replace(at, Math.min(mutated.length(), at + 3),
                        new String(new byte[] {(byte) random.nextInt(256)},
                                StandardCharsets.UTF_8));
            }
        }
        return mutated.toString();
    }

    private static String abbreviate(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
