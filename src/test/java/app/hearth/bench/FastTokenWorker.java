package app.hearth.bench;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.GenerateRequest;
import app.hearth.protocol.HelloEvent;
import app.hearth.protocol.Protocol;
import app.hearth.protocol.ProtocolCodec;
import app.hearth.protocol.ProtocolException;
import app.hearth.protocol.Request;
import app.hearth.protocol.Sampling;
import app.hearth.protocol.ShutdownRequest;
import app.hearth.protocol.TokenEvent;
import app.hearth.protocol.TokenizeRequest;
import app.hearth.protocol.TokenizedEvent;
import app.hearth.worker.ProtocolWriter;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in worker that speaks the real protocol and answers every generate request with
 * {@code maxTokens} one-word tokens, as fast as its pipe takes them: a token source far faster
 * than any model, to find what the window can absorb. No model, no binding; a tokenize
 * request gets one token per four characters, so a window that asks is not left waiting.
 */
public final class FastTokenWorker {

    private static final String[] WORDS = {" the", " little", " dog", " ran", " to", " a",
        " big", " red", " house", ",", " and", " then", " it", " sat", " down", "."};

    private FastTokenWorker() {
    }

    public static void main(String[] args) throws IOException {
        ProtocolWriter writer = new ProtocolWriter(new FileOutputStream(FileDescriptor.out));
        writer.send(new HelloEvent(Protocol.VERSION, ProcessHandle.current().pid(), 1));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8));
        ProtocolCodec codec = new ProtocolCodec();
        String line;
        while ((line = in.readLine()) != null) {
            Request request;
            try {
                request = codec.decodeRequest(line);
            } catch (ProtocolException e) {
                continue;
            }
            if (request instanceof ShutdownRequest) {
                break;
            }
            if (request instanceof GenerateRequest generate) {
                stream(generate, writer);
            } else if (request instanceof TokenizeRequest tokenize) {
                writer.send(new TokenizedEvent(tokenize.id(), tokenize.text().length() / 4));
            }
        }
        System.exit(0);
    }

    private static void stream(GenerateRequest request, ProtocolWriter writer) {
        Sampling sampling = request.sampling() == null ? Sampling.DEFAULT : request.sampling();
        long started = System.nanoTime();
        for (int i = 0; i < sampling.maxTokens(); i++) {
            writer.send(new TokenEvent(request.id(), WORDS[i % WORDS.length]));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        writer.send(new DoneEvent(request.id(), "length", 1, sampling.maxTokens(), 0, 0,
                sampling.maxTokens() / seconds));
    }
}
