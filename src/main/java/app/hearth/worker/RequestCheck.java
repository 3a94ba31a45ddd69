package app.hearth.worker;

import app.hearth.protocol.GenerateRequest;
import app.hearth.protocol.LoadRequest;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Request;
import app.hearth.protocol.Sampling;
import app.hearth.protocol.TokenizeRequest;
import app.hearth.protocol.UnloadRequest;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Says what is wrong with a request before the worker acts on it, so a malformed request
 * gets a sentence back instead of reaching the engine. Stateless.
 */
final class RequestCheck {

    /** Longest context the worker accepts, in tokens; far beyond any model Hearth runs. */
    private static final int MAX_CONTEXT = 1 << 20;

    private RequestCheck() {
    }

    /** One sentence about what is wrong, or null when the request can be served. */
    static String problemWith(Request request) {
        if (request instanceof GenerateRequest generate) {
            if (generate.prompt() == null) {
                return "A generate request needs a prompt.";
            }
            String model = modelProblem(generate.model());
            return model != null ? model : optionsProblem(generate.options(),
                    generate.sampling());
        }
        if (request instanceof LoadRequest load) {
            String model = modelProblem(load.model());
            return model != null ? model : optionsProblem(load.options(), null);
        }
        if (request instanceof TokenizeRequest tokenize) {
            if (tokenize.text() == null) {
                return "A tokenize request needs a text.";
            }
            String model = modelProblem(tokenize.model());
            return model != null ? model : optionsProblem(tokenize.options(), null);
        }
        if (request instanceof UnloadRequest unload) {
            return modelProblem(unload.model());
        }
        return null;
    }

    private static String modelProblem(String model) {
        if (model == null || model.isBlank()) {
            return "The request names no model file.";
        }
        try {
            Path.of(model);
            return null;
        } catch (InvalidPathException e) {
            return "\"" + abbreviate(model) + "\" is not a valid file path.";
        }
    }

    private static String optionsProblem(ModelOptions options, Sampling sampling) {
        if (options != null && (options.contextSize() < 0 || options.contextSize() > MAX_CONTEXT
                || options.threads() < 0 || options.threads() > 1024)) {
            return "The context size or thread count is out of range.";
        }
        if (sampling == null) {
            return null;
        }
        if (sampling.maxTokens() <= 0) {
            return "The reply length must be at least one token.";
        }
        boolean finite = Float.isFinite(sampling.temperature()) && Float.isFinite(sampling.topP())
                && Float.isFinite(sampling.minP()) && Float.isFinite(sampling.repeatPenalty());
        if (!finite || sampling.temperature() < 0 || sampling.topK() < 0) {
            return "The sampling settings are out of range.";
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
