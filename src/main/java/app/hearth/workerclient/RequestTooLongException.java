package app.hearth.workerclient;

import app.hearth.protocol.Protocol;

import java.util.Locale;

/**
 * A request whose line would pass the protocol's limit, which the worker would refuse without
 * knowing which request it was; it is refused here instead, before it is sent.
 */
final class RequestTooLongException extends RuntimeException {

    RequestTooLongException(int chars) {
        super(String.format(Locale.ROOT, "The text is too long for the engine: %.1f million "
                + "characters, and one request may hold %.1f million.", chars / 1e6,
                Protocol.MAX_LINE_CHARS / 1e6));
    }
}
