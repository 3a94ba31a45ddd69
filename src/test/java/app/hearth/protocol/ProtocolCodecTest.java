package app.hearth.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolCodecTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void roundTripsEveryRequest() throws Exception {
        List<Request> requests = List.of(
                new LoadRequest("1", "/m/a.gguf", new ModelOptions(2048, 2), true),
                new UnloadRequest("2", "/m/a.gguf"),
                new GenerateRequest("3", "/m/a.gguf", "Hi", Sampling.greedy(8),
                        ModelOptions.DEFAULT, List.of("</s>")),
                new CancelRequest("4", "3"),
                new StatusRequest("5"),
                new ConfigureRequest("6", 1L << 32, 60_000),
                new ShutdownRequest("7"),
                new TokenizeRequest("8", "/m/a.gguf", "<|im_end|> 世界 😀",
                        new ModelOptions(4096, 2)),
                new TokenizeRequest("9", "/m/a.gguf", "", null));

        for (Request request : requests) {
            String line = codec.encode(request);

            assertEquals(request, codec.decodeRequest(line), line);
        }
    }

    @Test
    void roundTripsEveryEvent() throws Exception {
        List<Event> events = List.of(
                new HelloEvent(Protocol.VERSION, 42, 2),
                new TokenEvent("3", " there"),
                new DoneEvent("3", "length", 4, 30, 250, 13.5, 410.25),
                new ErrorEvent(null, ErrorCode.BAD_REQUEST, "Bad."),
                new LoadedEvent("3", "/m/a.gguf", 254),
                new UnloadedEvent(null, "/m/a.gguf", "evicted"),
                new ModelsEvent(List.of(new CachedModel("/m/a.gguf", "ready", false, 10,
                        100, 90, 2048, 2))),
                new MemoryEvent(1, 2, 3, 4, 5, 6, 7, "normal"),
                new StatusEvent("5", 1, 2, false),
                new TokenizedEvent("8", 4095));

        for (Event event : events) {
            String line = codec.encode(event);

            assertEquals(event, codec.decodeEvent(line), line);
        }
    }

    @Test
    void namesTheTokenizeMessagesOnTheWire() {
        String request = codec.encode(new TokenizeRequest("t1", "/m.gguf", "Hi", null));
        String event = codec.encode(new TokenizedEvent("t1", 3));

        assertTrue(request.startsWith("{\"type\":\"tokenize\",\"id\":\"t1\""), request);
        assertEquals("{\"type\":\"tokenized\",\"id\":\"t1\",\"tokens\":3}", event);
    }

    @Test
    void keepsEmojiCjkAndCombiningCharactersIntact() throws Exception {
        String text = "Grüße 👋🏽 你好世界 e\u0301 \"quoted\" <tag> & \\ \n\t end";

        String line = codec.encode(new TokenEvent("1", text));

        assertFalse(line.contains("\n"), "an event must stay on one line");
        assertEquals(text, ((TokenEvent) codec.decodeEvent(line)).text());
    }

    @Test
    void writesTheTypeFirstAndDoesNotEscapeHtml() {
        String line = codec.encode(new TokenEvent("1", "<b>"));

        assertTrue(line.startsWith("{\"type\":\"token\""), line);
        assertTrue(line.contains("<b>"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "Extracted 'libjllama.so' to '/tmp/x/libjllama.so'",
        "[1,2,3]",
        "{\"no\":\"type\"}",
        "{\"type\":\"unheard-of\"}",
        "{\"type\":\"token\",\"id\":",
        "{\"type\":7}",
        "{\"type\":\"token\",\"id\":{\"nested\":true}}",
        "\uFFFD\uFFFD{\"type\":\"token\"}"
    })
    void rejectsLinesThatAreNotProtocol(String line) {
        assertThrows(ProtocolException.class, () -> codec.decodeEvent(line));
    }

    @Test
    void rejectsARequestWithoutAnId() {
        String line = "{\"type\":\"status\"}";

        assertThrows(ProtocolException.class, () -> codec.decodeRequest(line));
    }

    @Test
    void rejectsAnEventWhereARequestIsExpected() {
        String line = codec.encode(new TokenEvent("1", "x"));

        assertThrows(ProtocolException.class, () -> codec.decodeRequest(line));
    }
}
