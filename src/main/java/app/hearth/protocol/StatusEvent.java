package app.hearth.protocol;

/**
 * The answer to a {@link StatusRequest}.
 *
 * @param generating generations in progress
 * @param cached     models in the cache
 * @param retireWanted whether the worker holds memory it cannot return (see DESIGN.md §4) and
 *                   would like to be replaced by a fresh worker once idle
 */
public record StatusEvent(String id, int generating, int cached, boolean retireWanted)
        implements Event {
}
