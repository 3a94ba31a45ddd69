package app.hearth.testsupport;

/** Short chat templates in the style of well-known model families, written for tests. */
public final class ChatTemplates {

    public static final String MISTRAL = "{{ bos_token }}{% for m in messages %}"
            + "{% if m['role'] == 'user' %}{{ '[INST] ' + m['content'] + ' [/INST]' }}"
            + "{% else %}{{ m['content'] + eos_token }}{% endif %}{% endfor %}";

    public static final String CHATML = "{% for m in messages %}"
            + "{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>\\n' }}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
            + "{% endif %}";

    public static final String LLAMA3 = "{{ bos_token }}{% for m in messages %}"
            + "{{ '<|start_header_id|>' + m['role'] + '<|end_header_id|>\\n\\n' }}"
            + "{{ m['content'] + '<|eot_id|>' }}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

    private ChatTemplates() {
    }
}
