package app.hearth.gguf;

import app.hearth.gguf.GgufException.Reason;
import java.io.IOException;
import java.nio.file.Path;

/** Builds the one-sentence messages of {@link GgufException}s for one file. */
final class Messages {

    private final String file;

    Messages(Path path) {
        Path name = path.getFileName();
        this.file = "\"" + (name == null ? path : name) + "\"";
    }

    GgufException notFound() {
        return new GgufException(Reason.NOT_FOUND,
                "There is no file " + file + " any more; pick the model again.", null);
    }

    GgufException notAFile() {
        return new GgufException(Reason.NOT_A_FILE,
                file + " is a folder or a device, not a model file.", null);
    }

    GgufException unreadable(IOException cause) {
        return new GgufException(Reason.UNREADABLE,
                "The file " + file + " could not be read (" + cause.getMessage()
                        + "); check that it is readable and try again.", cause);
    }

    GgufException empty() {
        return new GgufException(Reason.NOT_GGUF,
                "The file " + file + " is empty, so it holds no model.", null);
    }

    GgufException notGguf() {
        return new GgufException(Reason.NOT_GGUF,
                "The file " + file + " is not a GGUF model (it does not start with \"GGUF\").",
                null);
    }

    GgufException bigEndian(long version) {
        return new GgufException(Reason.UNSUPPORTED_VERSION,
                "The file " + file + " is a big-endian GGUF (version "
                        + Integer.reverseBytes((int) version) + "), which Hearth cannot load.",
                null);
    }

    GgufException unsupportedVersion(long version) {
        return new GgufException(Reason.UNSUPPORTED_VERSION,
                "The file " + file + " is GGUF version " + version
                        + ", but Hearth reads only versions 2 and 3.", null);
    }

    GgufException truncatedInHeader(long at, long size) {
        return new GgufException(Reason.TRUNCATED,
                "The file " + file + " is truncated: it ends inside its header after " + size
                        + " bytes (needed more at byte " + at + "); download or copy it again.",
                null);
    }

    GgufException truncated(long size, long needed) {
        long percent = Math.min(99, size * 100 / needed);
        return new GgufException(Reason.TRUNCATED,
                "The file " + file + " is truncated at " + percent
                        + "% of what its index needs; download or copy it again.", null);
    }

    GgufException corrupt(String detail) {
        return new GgufException(Reason.CORRUPT,
                "The file " + file + " is damaged: its header " + detail + ".", null);
    }
}
