package app.hearth.chat.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes copies of a GGUF model with another {@code tokenizer.chat_template}: every other
 * metadata entry, the tensor table and the tensor data stay byte for byte.
 *
 * <p>TODO(#6): swap for the GGUF helper's rewriter in {@code app.hearth.testsupport} once it
 * lands on main.
 */
public final class TemplatedModels {

    /** A Mistral Instruct template: {@code [INST]} without a system block. */
    public static final String MISTRAL = "{{ bos_token }}{% for message in messages %}"
            + "{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}"
            + "{% else %}{{ message['content'] + eos_token }}{% endif %}{% endfor %}";
    /** A ChatML template. */
    public static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + "
            + "message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
            + "{% endif %}";
    /** A Llama 3 template. */
    public static final String LLAMA3 = "{% for message in messages %}"
            + "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + "
            + "message['content'] | trim + '<|eot_id|>' }}{% endfor %}"
            + "{% if add_generation_prompt %}"
            + "{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

    private static final String KEY = "tokenizer.chat_template";
    private static final int DEFAULT_ALIGNMENT = 32;

    private TemplatedModels() {
    }

    /** Copies {@code source} to {@code target} with {@code template} as its chat template. */
    public static Path withTemplate(Path source, Path target, String template)
            throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(source))
                .order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int magic = in.getInt();
        int version = in.getInt();
        long tensors = in.getLong();
        long entries = in.getLong();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long keptCount = 0;
        int alignment = DEFAULT_ALIGNMENT;
        for (long i = 0; i < entries; i++) {
            int start = in.position();
            String key = string(in);
            int type = in.getInt();
            if (key.equals("general.alignment")) {
                alignment = in.getInt(in.position());
            }
            skip(in, type);
            if (!key.equals(KEY)) {
                kept.write(in.array(), start, in.position() - start);
                keptCount++;
            }
        }
        int tableStart = in.position();
        for (long i = 0; i < tensors; i++) {
            string(in);
            int dims = in.getInt();
            in.position(in.position() + dims * 8 + 4 + 8);
        }
        int tableEnd = in.position();
        int dataStart = align(tableEnd, alignment);

        header.write(le(4).putInt(magic).array());
        header.write(le(4).putInt(version).array());
        header.write(le(8).putLong(tensors).array());
        header.write(le(8).putLong(keptCount + 1).array());
        header.write(kept.toByteArray());
        header.write(stringEntry(KEY, template));
        header.write(in.array(), tableStart, tableEnd - tableStart);
        while (header.size() % alignment != 0) {
            header.write(0);
        }
        header.write(in.array(), dataStart, in.capacity() - dataStart);
        return Files.write(target, header.toByteArray());
    }

    private static byte[] stringEntry(String key, String value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return le(8 + k.length + 4 + 8 + v.length).putLong(k.length).put(k).putInt(8)
                .putLong(v.length).put(v).array();
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[(int) in.getLong()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void skip(ByteBuffer in, int type) {
        switch (type) {
            case 0, 1, 7 -> in.position(in.position() + 1);
            case 2, 3 -> in.position(in.position() + 2);
            case 4, 5, 6 -> in.position(in.position() + 4);
            case 10, 11, 12 -> in.position(in.position() + 8);
            case 8 -> string(in);
            case 9 -> {
                int element = in.getInt();
                long count = in.getLong();
                for (long i = 0; i < count; i++) {
                    skip(in, element);
                }
            }
            default -> throw new IllegalArgumentException("GGUF value type " + type);
        }
    }

    private static int align(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
