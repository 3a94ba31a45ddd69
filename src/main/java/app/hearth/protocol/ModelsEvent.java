package app.hearth.protocol;

import java.util.List;

/** The worker's model cache as it stands, sent on every change. */
public record ModelsEvent(List<CachedModel> models) implements Event {
}
