package app.hearth.testsupport;

import app.hearth.protocol.DoneEvent;
import app.hearth.workerclient.GenerationListener;
import app.hearth.workerclient.WorkerError;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Records one generation's events for assertions. Thread-safe. */
public final class RecordingListener implements GenerationListener {

    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final CompletableFuture<DoneEvent> done = new CompletableFuture<>();
    private final CompletableFuture<WorkerError> error = new CompletableFuture<>();
    private final CompletableFuture<DoneEvent> outcome = new CompletableFuture<>();
    private final CountDownLatch end = new CountDownLatch(1);
    private final CountDownLatch firstTokens;

    /** @param tokensToWaitFor how many tokens {@link #awaitTokens()} waits for */
    public RecordingListener(int tokensToWaitFor) {
        this.firstTokens = new CountDownLatch(tokensToWaitFor);
    }

    public RecordingListener() {
        this(1);
    }

    @Override
    public void onLoaded(long loadMs) {
        order.add("loaded");
    }

    @Override
    public void onToken(String text) {
        tokens.add(text);
        order.add("token");
        firstTokens.countDown();
    }

    @Override
    public void onDone(DoneEvent event) {
        order.add("done");
        done.complete(event);
        outcome.complete(event);
        end.countDown();
    }

    @Override
    public void onError(WorkerError workerError) {
        order.add("error");
        error.complete(workerError);
        outcome.completeExceptionally(new AssertionError("The reply failed: "
                + workerError.code() + ": " + workerError.message()));
        end.countDown();
    }

    public void awaitTokens() throws InterruptedException {
        Await.latch(firstTokens, "the first tokens of a reply");
    }

    public void awaitEnd() throws InterruptedException {
        Await.latch(end, "the end of a reply");
    }

    /** The done event; fails if the generation ended with an error. */
    public DoneEvent done() throws Exception {
        awaitEnd();
        if (error.isDone()) {
            throw new AssertionError("Expected a reply but got an error: " + error.get());
        }
        return done.get();
    }

    /** The error; fails if the generation ended normally. */
    public WorkerError error() throws Exception {
        awaitEnd();
        if (done.isDone()) {
            throw new AssertionError("Expected an error but the reply ended: " + done.get());
        }
        return error.get();
    }

    /** Completes with the done event, or exceptionally with an AssertionError on an error. */
    public CompletableFuture<DoneEvent> outcome() {
        return outcome;
    }

    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    public String text() {
        return String.join("", tokens);
    }

    /** The kinds of events in arrival order: loaded, token, done, error. */
    public List<String> order() {
        return List.copyOf(order);
    }
}
