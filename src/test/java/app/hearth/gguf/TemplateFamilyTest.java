package app.hearth.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateFamilyTest {

    static Stream<Arguments> templates() {
        return Stream.of(
                arguments("{{ '[INST] <<SYS>>' + sys + '<</SYS>>' + text + ' [/INST]' }}",
                        TemplateFamily.LLAMA2),
                arguments("{{ bos_token }}{{ '[INST] ' + text + ' [/INST]' }}",
                        TemplateFamily.MISTRAL),
                arguments("{{ '<|im_start|>' + role + text + '<|im_end|>' }}",
                        TemplateFamily.CHATML),
                arguments("{{ '<|start_header_id|>' + role + '<|end_header_id|>' + text }}",
                        TemplateFamily.LLAMA3),
                arguments("{{ '<start_of_turn>user' + text + '<end_of_turn>' }}",
                        TemplateFamily.GEMMA),
                arguments("{{ '<|user|>' + text + '<|end|><|assistant|>' }}",
                        TemplateFamily.PHI3),
                arguments("{{ '<|user|>' + text + eos_token + '<|assistant|>' }}",
                        TemplateFamily.ZEPHYR),
                arguments("{{ 'User: ' + text + ' Bot:' }}", TemplateFamily.OTHER));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void guessesFamilyFromMarkers(String template, TemplateFamily expected) {
        TemplateFamily family = TemplateFamily.guess(template);

        assertEquals(expected, family);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n"})
    void answersNoneWithoutTemplate(String template) {
        TemplateFamily family = TemplateFamily.guess(template);

        assertEquals(TemplateFamily.NONE, family);
    }
}
