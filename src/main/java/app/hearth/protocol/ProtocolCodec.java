package app.hearth.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.Map;

/**
 * Turns protocol messages into single JSON lines and back. Thread-safe.
 *
 * <p>Each message is a record; its {@code type} field comes from the table below, so the
 * records themselves stay free of wire details.
 */
public final class ProtocolCodec {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("load", LoadRequest.class),
            Map.entry("unload", UnloadRequest.class),
            Map.entry("generate", GenerateRequest.class),
            Map.entry("cancel", CancelRequest.class),
            Map.entry("status", StatusRequest.class),
            Map.entry("configure", ConfigureRequest.class),
            Map.entry("shutdown", ShutdownRequest.class),
            Map.entry("pin", PinRequest.class),
            Map.entry("tokenize", TokenizeRequest.class),
            Map.entry("hello", HelloEvent.class),
            Map.entry("token", TokenEvent.class),
            Map.entry("done", DoneEvent.class),
            Map.entry("error", ErrorEvent.class),
            Map.entry("loaded", LoadedEvent.class),
            Map.entry("unloaded", UnloadedEvent.class),
            Map.entry("models", ModelsEvent.class),
            Map.entry("memory", MemoryEvent.class),
            Map.entry("state", StatusEvent.class),
            Map.entry("retire", RetireEvent.class),
            Map.entry("tokenized", TokenizedEvent.class));

    private static final Map<Class<?>, String> NAMES = invert(TYPES);

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    /** Encodes a request or an event as one line of JSON, without the line break. */
    public String encode(Object message) {
        String type = NAMES.get(message.getClass());
        if (type == null) {
            throw new IllegalArgumentException("Not a protocol message: " + message.getClass());
        }

        JsonObject object = new JsonObject();
        object.addProperty("type", type);
        gson.toJsonTree(message).getAsJsonObject().entrySet()
                .forEach(entry -> object.add(entry.getKey(), entry.getValue()));
        return gson.toJson(object);
    }

    /**
     * Decodes one line.
     *
     * @throws ProtocolException if the line is not a JSON object of a known type
     */
    public Object decode(String line) throws ProtocolException {
        if (line.length() > Protocol.MAX_LINE_CHARS) {
            throw new ProtocolException("Line of " + line.length() + " characters is too long");
        }

        JsonObject object = parseObject(line);
        JsonElement type = object.get("type");
        if (type == null || !type.isJsonPrimitive()) {
            throw new ProtocolException("Object without a type");
        }
        Class<?> messageClass = TYPES.get(type.getAsString());
        if (messageClass == null) {
            throw new ProtocolException("Unknown message type " + type.getAsString());
        }

        try {
            return gson.fromJson(object, messageClass);
        } catch (RuntimeException e) {
            // Gson wraps what a record's constructor throws in a plain RuntimeException.
            throw new ProtocolException("Malformed " + type.getAsString() + " message: a field "
                    + "has the wrong type or value", idOf(object));
        }
    }

    /** Decodes a line that must be an event. */
    public Event decodeEvent(String line) throws ProtocolException {
        if (decode(line) instanceof Event event) {
            return event;
        }
        throw new ProtocolException("Expected an event");
    }

    /** Decodes a line that must be a request with an id. */
    public Request decodeRequest(String line) throws ProtocolException {
        if (decode(line) instanceof Request request) {
            if (request.id() == null || request.id().isBlank()) {
                throw new ProtocolException("Request without an id");
            }
            return request;
        }
        throw new ProtocolException("Expected a request");
    }

    private static String idOf(JsonObject object) {
        JsonElement id = object.get("id");
        return id != null && id.isJsonPrimitive() ? id.getAsString() : null;
    }

    private static JsonObject parseObject(String line) throws ProtocolException {
        if (line.isEmpty() || line.charAt(0) != '{') {
            throw new ProtocolException("Not a JSON object");
        }
        try {
            JsonElement element = JsonParser.parseString(line);
            if (!element.isJsonObject()) {
                throw new ProtocolException("Not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | StackOverflowError e) {
            throw new ProtocolException("Not valid JSON");
        }
    }

    private static Map<Class<?>, String> invert(Map<String, Class<?>> types) {
        java.util.HashMap<Class<?>, String> names = new java.util.HashMap<>();
        types.forEach((name, type) -> names.put(type, name));
        return Map.copyOf(names);
    }
}
