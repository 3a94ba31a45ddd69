package app.hearth.ui.chat;

import java.util.concurrent.Callable;

/** Bounded waits for window tests in other packages. */
public final class ChatTestWaits {

    private ChatTestWaits() {
    }

    /** Waits for a condition on the FX side, failing with {@code what} on timeout. */
    public static void waitFor(Callable<Boolean> condition, String what) throws Exception {
        ChatFixture.waitFor(condition, what);
    }
}
