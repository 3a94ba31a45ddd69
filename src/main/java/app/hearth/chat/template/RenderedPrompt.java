package app.hearth.chat.template;

import java.util.List;

/**
 * A prompt ready for the worker.
 *
 * @param text the prompt, ending where the model's reply begins
 * @param stop strings that end the reply; never null
 */
public record RenderedPrompt(String text, List<String> stop) {

    public RenderedPrompt {
        stop = List.copyOf(stop);
    }
}
