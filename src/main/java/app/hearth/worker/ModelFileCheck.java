package app.hearth.worker;

import app.hearth.cache.ModelLoadException;
import app.hearth.protocol.ErrorCode;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks in Java that a file is a GGUF model the engine can read, before the engine sees it.
 *
 * <p>The binding answers every malformed file with one generic exception and prints the reason
 * on stderr (DESIGN.md §3), and a file shorter than its tensors say crashes the process when
 * the missing pages are touched. So this walks the header, the metadata and the tensor table,
 * and checks that the tensor data the table promises lies inside the file. It reads only the
 * metadata (a few MB at most), never the weights. Stateless; any thread.
 */
final class ModelFileCheck {

    /** "GGUF" read as a little-endian 32-bit number. */
    private static final int MAGIC = 0x46554747;
    private static final int MIN_VERSION = 2;
    private static final int MAX_VERSION = 3;
    private static final int DEFAULT_ALIGNMENT = 32;
    private static final int MAX_DIMENSIONS = 4;

    private ModelFileCheck() {
    }

    /**
     * Returns when the file looks loadable.
     *
     * @throws ModelLoadException with one plain sentence naming what is wrong
     */
    static void check(Path path) throws ModelLoadException {
        String name = String.valueOf(path.getFileName());
        if (!Files.exists(path)) {
            throw new ModelLoadException(ErrorCode.MODEL_NOT_FOUND,
                    "The model file " + path + " does not exist; it may have been moved.");
        }
        if (Files.isDirectory(path)) {
            throw invalid(name + " is a folder, not a model file; choose a .gguf file.");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw invalid(name + " is empty (0 bytes); download it again.");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 65536)) {
                new Walk(new LittleEndianInput(in, size), name, size).run();
            }
        } catch (AccessDeniedException e) {
            throw invalid(name + " cannot be read: permission denied.");
        } catch (EOFException e) {
            throw invalid(name + " is cut short: it ends inside its own header; "
                    + "download it again.");
        } catch (IOException e) {
            throw invalid(name + " cannot be read: " + e.getMessage() + ".");
        }
    }

    private static ModelLoadException invalid(String sentence) {
        return new ModelLoadException(ErrorCode.MODEL_INVALID, sentence);
    }

    /** One pass over a file's header; throws at the first thing wrong. */
    private static final class Walk {

        private final LittleEndianInput in;
        private final String name;
        private final long fileSize;
        private long alignment = DEFAULT_ALIGNMENT;

        Walk(LittleEndianInput in, String name, long fileSize) {
            this.in = in;
            this.name = name;
            this.fileSize = fileSize;
        }

        void run() throws IOException, ModelLoadException {
            checkMagicAndVersion();
            long tensors = in.u64();
            long entries = in.u64();
            // The smallest metadata entry takes 13 bytes and the smallest tensor entry 29, so
            // counts beyond that are damage, not big models; say so before allocating anything.
            requireCount(entries, 13, "metadata entries");
            requireCount(tensors, 29, "tensors");
            for (long i = 0; i < entries; i++) {
                readEntry();
            }
            long dataNeeded = 0;
            for (long i = 0; i < tensors; i++) {
                dataNeeded = Math.max(dataNeeded, readTensorEnd());
            }
            long dataStart = align(in.position());
            long needed = dataStart + dataNeeded;
            if (needed > fileSize) {
                throw invalid(name + " is incomplete: it has " + fileSize + " bytes but its "
                        + "tensors need " + needed + "; download it again.");
            }
        }

        private void checkMagicAndVersion() throws IOException, ModelLoadException {
            if (fileSize < 24) {
                throw invalid(name + " is too short to be a model (" + fileSize + " bytes); "
                        + "download it again.");
            }
            int magic = in.u32();
            if (magic != MAGIC) {
                throw invalid(name + " is not a GGUF model file" + formatHint(magic) + ".");
            }
            int version = in.u32();
            if (version == 1) {
                throw invalid(name + " uses GGUF version 1, which the engine no longer reads; "
                        + "get a newer copy of the model.");
            }
            if (Integer.reverseBytes(version) >= MIN_VERSION
                    && Integer.reverseBytes(version) <= MAX_VERSION) {
                throw invalid(name + " is a big-endian GGUF file; Hearth needs the usual "
                        + "little-endian kind.");
            }
            if (version < MIN_VERSION || version > MAX_VERSION) {
                throw invalid(name + " uses GGUF version " + Integer.toUnsignedString(version)
                        + ", which this version of Hearth cannot read.");
            }
        }

        private void readEntry() throws IOException, ModelLoadException {
            String key = in.string(name);
            int type = in.u32();
            if (type == GgufTypes.UINT32 && "general.alignment".equals(key)) {
                alignment = Integer.toUnsignedLong(in.u32());
                if (alignment == 0 || Long.bitCount(alignment) != 1) {
                    throw damaged("its data alignment is " + alignment);
                }
                return;
            }
            skipValue(type);
        }

        private void skipValue(int type) throws IOException, ModelLoadException {
            if (type == GgufTypes.STRING) {
                in.skip(in.u64Length(name));
            } else if (type == GgufTypes.ARRAY) {
                int elementType = in.u32();
                long count = in.u64();
                int width = GgufTypes.valueWidth(elementType);
                if (elementType == GgufTypes.ARRAY) {
                    throw damaged("it holds an array of arrays");
                }
                requireCount(count, width > 0 ? width : 8, "array elements");
                if (width > 0) {
                    in.skip(count * width);
                } else {
                    for (long i = 0; i < count; i++) {
                        skipValue(elementType);
                    }
                }
            } else {
                int width = GgufTypes.valueWidth(type);
                if (width <= 0) {
                    throw damaged("it has a metadata value of unknown type " + type);
                }
                in.skip(width);
            }
        }

        /** Reads one tensor entry; returns where its data ends, relative to the data start. */
        private long readTensorEnd() throws IOException, ModelLoadException {
            String tensor = in.string(name);
            int dimensions = in.u32();
            if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
                throw damaged("tensor " + tensor + " has " + dimensions + " dimensions");
            }
            long elements = 1;
            for (int i = 0; i < dimensions; i++) {
                long extent = in.u64();
                if (extent < 0 || (extent > 0 && elements > Long.MAX_VALUE / extent)) {
                    throw damaged("tensor " + tensor + " claims an impossible size");
                }
                elements *= extent;
            }
            int type = in.u32();
            long offset = in.u64();
            if (offset < 0 || offset % alignment != 0) {
                throw damaged("tensor " + tensor + " starts at a bad offset");
            }
            long bytes = GgufTypes.tensorBytes(type, elements);
            // An unknown type may be newer than this table; the engine judges it.
            return bytes < 0 ? offset : offset + bytes;
        }

        private void requireCount(long count, int minBytesEach, String what)
                throws ModelLoadException {
            long left = fileSize - in.position();
            if (count < 0 || count > left / minBytesEach) {
                throw damaged("its header claims " + Long.toUnsignedString(count) + " " + what
                        + ", more than a file of " + fileSize + " bytes can hold");
            }
        }

        private long align(long position) {
            long rest = position % alignment;
            return rest == 0 ? position : position + alignment - rest;
        }

        private ModelLoadException damaged(String why) {
            return invalid(name + " is damaged: " + why + "; download it again.");
        }
    }

    private static String formatHint(int magic) {
        return switch (magic) {
            // Magic numbers of the formats that came before GGUF, as llama.cpp wrote them.
            case 0x67676d6c, 0x67676d66, 0x67676a74 ->
                    " but an older GGML file; convert it to GGUF or get a GGUF copy";
            case 0x04034b50 -> " but a ZIP archive (perhaps PyTorch weights)";
            default -> "";
        };
    }
}
