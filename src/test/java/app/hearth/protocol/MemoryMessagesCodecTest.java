package app.hearth.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryMessagesCodecTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void carriesAPinRequestBothWays() throws Exception {
        PinRequest request = new PinRequest("p1", "/models/a.gguf", false);

        String line = codec.encode(request);

        assertTrue(line.contains("\"type\":\"pin\""), line);
        assertEquals(request, codec.decodeRequest(line));
    }

    @Test
    void carriesARetireEventBothWays() throws Exception {
        RetireEvent event = new RetireEvent(265L << 20);

        String line = codec.encode(event);

        assertTrue(line.contains("\"type\":\"retire\""), line);
        assertEquals(event, codec.decodeEvent(line));
    }
}
