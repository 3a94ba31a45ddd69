package app.hearth.workerclient;

import app.hearth.protocol.GenerateRequest;
import app.hearth.protocol.LoadRequest;
import app.hearth.protocol.Request;
import app.hearth.protocol.TokenizeRequest;

import java.util.concurrent.CompletableFuture;

/**
 * What {@link WorkerService} waits on for one request id, with the request, so that it can be
 * sent again to a successor worker.
 */
sealed interface Pending {

    Request request();

    /** The model the request uses, as the caller named it; null for none. */
    default String model() {
        if (request() instanceof GenerateRequest generate) {
            return generate.model();
        }
        if (request() instanceof TokenizeRequest tokenize) {
            return tokenize.model();
        }
        return request() instanceof LoadRequest load ? load.model() : null;
    }

    /** A reply streaming to a listener. */
    record Generation(GenerationListener listener, Request request) implements Pending {
    }

    /** A load someone waits on. */
    record Load(CompletableFuture<Long> result, Request request) implements Pending {
    }

    /** A token count someone waits on. */
    record Tokenize(CompletableFuture<Integer> result, Request request) implements Pending {
    }

    /** A model a successor reloads after a reclaim; nobody waits on it. */
    record Reload(Request request) implements Pending {
    }
}
