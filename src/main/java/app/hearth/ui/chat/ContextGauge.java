package app.hearth.ui.chat;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The context gauge's numbers: the model's context and the tokens the next prompt takes of
 * it. A sizing shows the estimate at once and the exact count once the worker has made it.
 * At most one count is asked for at a time; what changes meanwhile is sized when it ends, so
 * typing never queues counts in the worker.
 *
 * <p>FX thread only.
 */
final class ContextGauge {

    private final PromptSizer sizer;
    private final ReadOnlyIntegerWrapper used = new ReadOnlyIntegerWrapper(this, "used");
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    /** Bumped by every change, so a count that arrives late overwrites nothing newer. */
    private int changes;
    private boolean counting;
    private PromptSizer.Job waiting;

    ContextGauge(PromptSizer sizer) {
        this.sizer = sizer;
    }

    /**
     * Shows the size of a prompt, by the counts known now.
     *
     * @param countExactly whether to ask the worker for the missing counts; false keeps to
     *                     the estimate, for a model the worker would have to load first
     */
    void show(PromptSizer.Job job, boolean countExactly) {
        int change = ++changes;
        size.set(job.options().contextSize());
        PromptSizer.Sized sized = sizer.size(job);
        used.set(sized.tokens());
        if (sized.exact() || !countExactly) {
            return;
        }
        if (counting) {
            waiting = job;
            return;
        }
        counting = true;
        sizer.measure(job, sized).whenComplete((done, failure) -> counted(job, change, failure));
    }

    /** Shows numbers measured elsewhere, as a finished reply's. */
    void set(int usedTokens, int contextTokens) {
        changes++;
        waiting = null;
        used.set(usedTokens);
        size.set(contextTokens);
    }

    /** Tokens the next prompt takes, as last measured or estimated. */
    ReadOnlyIntegerProperty usedProperty() {
        return used.getReadOnlyProperty();
    }

    /** The context the model runs with, in tokens; 0 until known. */
    ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    private void counted(PromptSizer.Job job, int change, Throwable failure) {
        counting = false;
        PromptSizer.Job next = waiting;
        waiting = null;
        if (next != null) {
            show(next, true);
        } else if (failure == null && change == changes) {
            // The counts are in: the same sizing is exact now, or a step closer.
            show(job, true);
        }
    }
}
