package app.hearth.chat.template;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TemplateDetectorTest {

    @Test
    void recognisesEachFamilyByItsMarkers() {
        assertEquals(PromptFamily.LLAMA2, TemplateDetector.detect(
                "{{ '[INST] ' + '<<SYS>>\\n' + system + '\\n<</SYS>>' }}"));
        assertEquals(PromptFamily.MISTRAL, TemplateDetector.detect(
                "{{ bos_token }}{% for m in messages %}[INST] {{ m }} [/INST]{% endfor %}"));
        assertEquals(PromptFamily.CHATML, TemplateDetector.detect("<|im_start|>{{ role }}"));
        assertEquals(PromptFamily.LLAMA3, TemplateDetector.detect(
                "<|start_header_id|>{{ role }}<|end_header_id|>"));
        assertEquals(PromptFamily.GEMMA, TemplateDetector.detect("<start_of_turn>user"));
        assertEquals(PromptFamily.PHI3, TemplateDetector.detect("<|user|>{{ c }}<|end|>"));
        assertEquals(PromptFamily.ZEPHYR, TemplateDetector.detect("<|user|>{{ c }}</s>"));
    }

    @Test
    void continuesTextWithoutATemplate() {
        assertEquals(PromptFamily.CONTINUATION, TemplateDetector.detect(null));
        assertEquals(PromptFamily.CONTINUATION, TemplateDetector.detect(" "));
    }

    @Test
    void fallsBackToChatMlForAnUnknownTemplate() {
        assertEquals(PromptFamily.CHATML, TemplateDetector.detect("{{ messages }}"));
    }
}
