package app.hearth.worker;

import app.hearth.cache.ModelCache;
import app.hearth.cache.ModelKey;
import app.hearth.cache.ModelLoadException;
import app.hearth.gguf.GgufException;
import app.hearth.gguf.GgufReader;
import app.hearth.protocol.CancelRequest;
import app.hearth.protocol.ConfigureRequest;
import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ErrorEvent;
import app.hearth.protocol.GenerateRequest;
import app.hearth.protocol.LoadRequest;
import app.hearth.protocol.LineReader;
import app.hearth.protocol.LoadedEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.PinRequest;
import app.hearth.protocol.Protocol;
import app.hearth.protocol.ProtocolCodec;
import app.hearth.protocol.ProtocolException;
import app.hearth.protocol.Request;
import app.hearth.protocol.ShutdownRequest;
import app.hearth.protocol.StatusEvent;
import app.hearth.protocol.StatusRequest;
import app.hearth.protocol.TokenizeRequest;
import app.hearth.protocol.TokenizedEvent;
import app.hearth.protocol.UnloadRequest;
import app.hearth.protocol.UnloadedEvent;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads requests from stdin on the calling thread and hands them out: loads and generations
 * run on their own named threads, so a cancel is read while a reply streams.
 */
final class RequestLoop {

    private final LineReader in;
    private final ProtocolWriter writer;
    private final ModelCache<LoadedModel> cache;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final Map<String, Generation> generations = new ConcurrentHashMap<>();
    private final ExecutorService jobs = Executors.newCachedThreadPool(namedThreads());
    private final MemoryMonitor monitor;
    private final int defaultThreads;

    RequestLoop(LineReader in, ProtocolWriter writer, ModelCache<LoadedModel> cache,
            MemoryMonitor monitor, int defaultThreads) {
        this.in = in;
        this.writer = writer;
        this.cache = cache;
        this.monitor = monitor;
        this.defaultThreads = defaultThreads;
    }

    /** Serves requests until stdin ends or a shutdown request arrives. */
    void run() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Request request;
            try {
                if (line.equals(LineReader.TOO_LONG)) {
                    throw new ProtocolException("A request line longer than "
                            + Protocol.MAX_LINE_CHARS + " bytes was skipped", null);
                }
                request = codec.decodeRequest(line);
            } catch (ProtocolException e) {
                Logger.warn("Ignored a bad request line: {}", e.getMessage());
                writer.send(new ErrorEvent(e.requestId(), ErrorCode.BAD_REQUEST,
                        e.getMessage()));
                continue;
            }
            if (request instanceof ShutdownRequest) {
                Logger.info("Shutdown requested");
                return;
            }
            dispatch(request);
        }
        Logger.info("The UI closed the worker's input");
    }

    /** Cancels running generations and gives them a moment to end their streams. */
    void stopGenerations(long timeoutMs) {
        generations.values().forEach(Generation::requestCancel);
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
                Logger.warn("Generations still running after {} ms", timeoutMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(Request request) {
        Logger.debug("Request {} {}", request.getClass().getSimpleName(), request.id());
        String problem = RequestCheck.problemWith(request);
        if (problem != null) {
            Logger.warn("Refused request {}: {}", request.id(), problem);
            writer.send(new ErrorEvent(request.id(), ErrorCode.BAD_REQUEST, problem));
            return;
        }
        try {
            route(request);
        } catch (RuntimeException e) {
            // Whatever one request does wrong, the loop must go on reading the next.
            Logger.error(e, "Request {} failed", request.id());
            writer.send(new ErrorEvent(request.id(), ErrorCode.INTERNAL,
                    "The model worker could not handle that request; see the log."));
        }
    }

    private void route(Request request) {
        if (request instanceof GenerateRequest generate) {
            startGeneration(generate);
        } else if (request instanceof LoadRequest load) {
            jobs.execute(() -> load(load));
        } else if (request instanceof TokenizeRequest tokenize) {
            jobs.execute(() -> tokenize(tokenize));
        } else if (request instanceof UnloadRequest unload) {
            unload(unload);
        } else if (request instanceof CancelRequest cancel) {
            Generation generation = generations.get(String.valueOf(cancel.target()));
            if (generation != null) {
                generation.requestCancel();
            }
        } else if (request instanceof StatusRequest status) {
            writer.send(new StatusEvent(status.id(), generations.size(),
                    cache.snapshot().size(), monitor.retireWanted()));
        } else if (request instanceof ConfigureRequest configure) {
            cache.configure(configure.budgetBytes(), configure.idleExpiryMs());
            Logger.info("Memory budget {} bytes, idle expiry {} ms", cache.budgetBytes(),
                    cache.idleExpiryMs());
            monitor.publishSoon();
        } else if (request instanceof PinRequest pin) {
            pin(pin);
        }
    }

    private void pin(PinRequest request) {
        if (request.model() == null) {
            writer.send(new ErrorEvent(request.id(), ErrorCode.BAD_REQUEST,
                    "A pin request needs a model."));
            return;
        }
        if (cache.setPinned(normalize(request.model()), request.pinned()) == 0) {
            writer.send(new ErrorEvent(request.id(), ErrorCode.MODEL_NOT_FOUND,
                    Path.of(request.model()).getFileName() + " is not loaded."));
        }
    }

    private void refuse(String id, ModelLoadException e) {
        writer.send(new ErrorEvent(id, e.code(), e.getMessage()));
        if (ErrorCode.RETRY_AFTER_RECLAIM.equals(e.code())) {
            monitor.retireNow();
        }
    }

    private void startGeneration(GenerateRequest request) {
        if (generations.containsKey(request.id())) {
            writer.send(new ErrorEvent(request.id(), ErrorCode.BAD_REQUEST,
                    "Request id " + request.id() + " is already generating."));
            return;
        }
        Generation generation = new Generation(request, writer);
        generations.put(request.id(), generation);
        jobs.execute(() -> generate(generation, request));
    }

    private void generate(Generation generation, GenerateRequest request) {
        ModelKey key = keyOf(request.model(), request.options());
        try (ModelCache.Lease<LoadedModel> lease = acquireCurrent(key,
                ModelCache.Use.GENERATION)) {
            LoadedModel model = lease.model();
            long loadMs = lease.loadedNow() ? model.loadMs() : 0;
            if (lease.loadedNow()) {
                writer.send(new LoadedEvent(request.id(), request.model(), loadMs));
            }

            int promptTokens = model.promptTokens(request.prompt());
            if (promptTokens >= key.contextSize()) {
                writer.send(new ErrorEvent(request.id(), ErrorCode.PROMPT_TOO_LONG,
                        "The prompt is " + promptTokens + " tokens long but the model's "
                                + "context holds " + key.contextSize() + "."));
                return;
            }
            // The engine would shift its context and go on past it, forgetting the prompt;
            // a reply ends where the context does instead.
            int room = key.contextSize() - promptTokens;
            writer.send(generation.run(model.native_(), promptTokens, loadMs, room));
        } catch (ModelLoadException e) {
            refuse(request.id(), e);
        } catch (RuntimeException e) {
            Logger.error(e, "Generation {} failed", request.id());
            writer.send(new ErrorEvent(request.id(), ErrorCode.GENERATION_FAILED,
                    "The engine failed while generating: " + e.getMessage()));
        } finally {
            generations.remove(request.id());
        }
    }

    private void load(LoadRequest request) {
        ModelKey key = keyOf(request.model(), request.options());
        try (ModelCache.Lease<LoadedModel> lease = acquireCurrent(key, ModelCache.Use.BRIEF)) {
            if (request.pinned()) {
                cache.setPinned(key, true);
            }
            long loadMs = lease.loadedNow() ? lease.model().loadMs() : 0;
            writer.send(new LoadedEvent(request.id(), request.model(), loadMs));
        } catch (ModelLoadException e) {
            refuse(request.id(), e);
        } catch (RuntimeException e) {
            Logger.error(e, "Load {} failed", request.id());
            writer.send(new ErrorEvent(request.id(), ErrorCode.MODEL_LOAD_FAILED,
                    "The model could not be loaded: " + e.getMessage()));
        }
    }

    /**
     * Counts with the binding's {@code encode}, as {@link #generate} counts a prompt. A loaded
     * model is held as firmly as a generation's, so it cannot be freed mid-count, and a
     * tokenizer is safe beside a generation streaming from the same model.
     */
    private void tokenize(TokenizeRequest request) {
        ModelKey key = keyOf(request.model(), request.options());
        try (ModelCache.Lease<LoadedModel> lease = acquireCurrent(key, ModelCache.Use.BRIEF)) {
            int tokens = lease.model().promptTokens(request.text());
            writer.send(new TokenizedEvent(request.id(), tokens));
        } catch (ModelLoadException e) {
            refuse(request.id(), e);
        } catch (RuntimeException e) {
            Logger.error(e, "Tokenize {} failed", request.id());
            writer.send(new ErrorEvent(request.id(), ErrorCode.GENERATION_FAILED,
                    "The engine could not count the tokens: " + e.getMessage()));
        }
    }

    private void unload(UnloadRequest request) {
        cache.unload(normalize(request.model()));
        writer.send(new UnloadedEvent(request.id(), request.model(), "requested"));
    }

    /**
     * Acquires the model, loading it again first if its file changed since it was loaded.
     *
     * <p>The worker reads models into its own memory (LlamaLoader), so a file truncated or
     * rewritten on disk cannot crash it, but the loaded model no longer matches the file,
     * and a file renamed over the path leaves the old contents in use. So before every use
     * the file's stamp is compared with the one taken at load time, and a changed model is
     * dropped unused and loaded from the new file, which passes the header check first.
     */
    private ModelCache.Lease<LoadedModel> acquireCurrent(ModelKey key, ModelCache.Use use)
            throws ModelLoadException {
        ModelCache.Lease<LoadedModel> lease = cache.acquire(key, use);
        if (lease.loadedNow() || !lease.model().stamp().changedAt(key.path())) {
            return lease;
        }
        lease.close();
        Logger.warn("{} changed on disk since it was loaded; loading it again",
                key.path().getFileName());
        cache.unload(key.path());
        if (cache.find(key).isPresent()) {
            throw new ModelLoadException(ErrorCode.MODEL_CHANGED, key.path().getFileName()
                    + " changed on disk while another reply uses it; send again when that "
                    + "reply has ended.");
        }
        return cache.acquire(key, use);
    }

    private ModelKey keyOf(String model, ModelOptions options) {
        ModelOptions chosen = options == null ? ModelOptions.DEFAULT : options;
        Path path = normalize(model);
        int context = chosen.contextSize() > 0 ? chosen.contextSize() : defaultContext(path);
        int threads = chosen.threads() > 0 ? chosen.threads() : defaultThreads;
        return new ModelKey(path, context, threads);
    }

    /** Runs on a job thread: reading the header here never delays a cancel on stdin. */
    private static int defaultContext(Path model) {
        try {
            return ModelOptions.contextFor(GgufReader.read(model).contextLength());
        } catch (GgufException e) {
            // The load that follows fails with the reader's reason; any context will do.
            return ModelOptions.DEFAULT_CONTEXT_TOKENS;
        }
    }

    private static Path normalize(String model) {
        return Path.of(model).toAbsolutePath().normalize();
    }

    private static java.util.concurrent.ThreadFactory namedThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "job-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
