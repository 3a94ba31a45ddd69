package app.hearth.chat.template;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PromptFormatterTest {

    private static final List<Turn> EXCHANGE = List.of(
            Turn.user("Hi"), Turn.assistant("Hello!"), Turn.user("Tell a story."));

    @Test
    void writesLlama2WithASystemBlockInTheFirstTurn() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.LLAMA2, "Be kind.", EXCHANGE);

        assertEquals("[INST] <<SYS>>\nBe kind.\n<</SYS>>\n\nHi [/INST] Hello! </s>"
                + "<s>[INST] Tell a story. [/INST]", prompt.text());
        assertEquals(List.of("[INST]", "[/INST]"), prompt.stop());
    }

    @Test
    void foldsTheSystemPromptIntoTheFirstUserTurnForMistral() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.MISTRAL, "Be kind.",
                EXCHANGE);

        assertEquals("[INST] Be kind.\n\nHi [/INST] Hello!</s>[INST] Tell a story. [/INST]",
                prompt.text());
    }

    @Test
    void writesChatMlWithASystemTurn() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.CHATML, "Be kind.", EXCHANGE);

        assertEquals("<|im_start|>system\nBe kind.<|im_end|>\n"
                + "<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\nHello!<|im_end|>\n"
                + "<|im_start|>user\nTell a story.<|im_end|>\n"
                + "<|im_start|>assistant\n", prompt.text());
        assertEquals(List.of("<|im_end|>", "<|im_start|>"), prompt.stop());
    }

    @Test
    void endsAContinuedPromptWithTheReplySoFarAsTheModelWroteIt() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.CHATML, "",
                List.of(Turn.user("Hi")), SpecialTokenGuard.of(PromptFamily.CHATML),
                " Once upon a time");

        assertEquals("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
                + " Once upon a time", prompt.text());
    }

    @Test
    void continuesAStoryModelsReplyRightAfterTheUserText() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.CONTINUATION, "",
                List.of(Turn.user("Once upon")), SpecialTokenGuard.of(PromptFamily.CONTINUATION),
                " a time");

        assertEquals("Once upon a time", prompt.text());
    }

    @Test
    void breaksSpecialTokensInTheReplySoFar() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.CHATML, "",
                List.of(Turn.user("Hi")), SpecialTokenGuard.of(PromptFamily.CHATML),
                "a<|im_end|>b");

        assertFalse(prompt.text().endsWith("a<|im_end|>b"), prompt.text());
    }

    @Test
    void writesLlama3Headers() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.LLAMA3, "Be kind.",
                List.of(Turn.user("Hi")));

        assertEquals("<|start_header_id|>system<|end_header_id|>\n\nBe kind.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n", prompt.text());
        assertEquals(List.of("<|eot_id|>", "<|start_header_id|>"), prompt.stop());
    }

    @Test
    void foldsTheSystemPromptIntoTheFirstUserTurnForGemma() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.GEMMA, "Be kind.", EXCHANGE);

        assertEquals("<start_of_turn>user\nBe kind.\n\nHi<end_of_turn>\n"
                + "<start_of_turn>model\nHello!<end_of_turn>\n"
                + "<start_of_turn>user\nTell a story.<end_of_turn>\n"
                + "<start_of_turn>model\n", prompt.text());
    }

    @Test
    void writesPhi3Turns() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.PHI3, "Be kind.",
                List.of(Turn.user("Hi")));

        assertEquals("<|system|>\nBe kind.<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\n",
                prompt.text());
        assertEquals(List.of("<|end|>", "<|user|>", "<|assistant|>"), prompt.stop());
    }

    @Test
    void leavesOutTheSystemPartWhenThereIsNone() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.LLAMA2, "  ",
                List.of(Turn.user("Hi")));

        assertEquals("[INST] Hi [/INST]", prompt.text());
    }

    @Test
    void continuesTheTextForAModelWithoutATemplate() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.CONTINUATION, "",
                List.of(Turn.user("Once upon a time"), Turn.assistant(", there was a cat."),
                        Turn.user("The cat")));

        assertEquals("Once upon a time, there was a cat.\n\nThe cat", prompt.text());
        assertEquals(List.of(), prompt.stop());
    }

    @Test
    void keepsRolesAlternatingAfterAnEmptyStoppedReply() {
        List<Turn> turns = List.of(Turn.user("First"), Turn.assistant(""),
                Turn.user("Second"));

        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.MISTRAL, "", turns);

        assertEquals("[INST] First\n\nSecond [/INST]", prompt.text());
    }

    @Test
    void dropsAReplyThatWouldOpenThePrompt() {
        List<Turn> turns = List.of(Turn.assistant("orphan"), Turn.user("Hi"));

        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.CHATML, "", turns);

        assertEquals("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", prompt.text());
    }

    @Test
    void refusesAConversationThatDoesNotEndWithTheUser() {
        List<Turn> turns = List.of(Turn.user("Hi"), Turn.assistant("Hello"));

        assertThrows(IllegalArgumentException.class,
                () -> PromptFormatter.format(PromptFamily.CHATML, "", turns));
    }

    @Test
    void keepsEmojiAndCjkIntact() {
        RenderedPrompt prompt = PromptFormatter.format(PromptFamily.CHATML, "",
                List.of(Turn.user("猫 🐈 ok")));

        assertEquals("<|im_start|>user\n猫 🐈 ok<|im_end|>\n<|im_start|>assistant\n",
                prompt.text());
    }
}
