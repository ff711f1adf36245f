package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dbpick.GeneratedProfiles;
import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service's JSON answer, written with its lines' kept bytes, is byte for byte what the mapper writes. */
class AnswerBodyTest {

    /** Configured as the service's (application.yml's {@code jackson}: empty lists stay in, nothing else changed). */
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    @Test
    void answersAreWrittenAsTheMapperWritesThemTheFirstTimeAndAfter() throws Exception {
        // Given answers to 150 varied profiles (stacks among them), with and without the what-if explanations
        Advisor advisor = new Advisor(new Engine(TestKnowledge.knowledge()));
        List<Result> answers = new ArrayList<>();
        for (Profile profile : GeneratedProfiles.of(advisor.knowledge().questionnaire(), 150, 7, true)) {
            try {
                answers.add(advisor.recommend(profile, 10, AS_OF, Include.NONE));
                answers.add(advisor.recommend(profile, 0, AS_OF, Include.ALL));
            } catch (dev.dbpick.profile.ProfileException e) {
                // a stack without a database: answered with a problem, not a document
            }
        }
        assertTrue(answers.size() > 200, "answers " + answers.size());
        assertTrue(answers.stream().anyMatch(a -> a.stack() != null), "a stack among them");
        AnswerBody body = new AnswerBody(MAPPER);

        // When each is written twice: its lines encoded the first time, copied from their bytes the second
        for (int round = 0; round < 2; round++) {
            for (Result answer : answers) {
                // Then the bytes are the mapper's own
                assertArrayEquals(MAPPER.writeValueAsBytes(answer), bytes(body.write(answer)));
            }
        }
        assertTrue(body.keptLines() > 500, "kept " + body.keptLines());
    }

    @Test
    void linesThatNeedEscapingAreWrittenAsTheMapperEscapesThem() throws Exception {
        Result answer = answer(List.of(
                new Note("quotes", "a \"quoted\" word, a back\\slash and a / slash"),
                new Note("controls", "tab\there, newline\nhere, bell\u0007 and DEL\u007f"),
                new Note("non-ascii", "Zürich, 東京, an emoji \uD83D\uDE00 and a lone surrogate \uD800"),
                new Note("bidi", "right-to-left \u202E override \u202C and a mark \u200F"),
                new Note("empty", "")),
                List.of(new Reason("negative", -3, "\u00a0non-breaking space"), new Reason("positive", 2, "plain")));
        AnswerBody body = new AnswerBody(MAPPER);

        for (int round = 0; round < 2; round++) {
            assertArrayEquals(MAPPER.writeValueAsBytes(answer), bytes(body.write(answer)));
        }
    }

    @Test
    void aPrettyPrintingMapperIndentsTheLinesAsUsual() throws Exception {
        ObjectMapper indenting = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Result answer = answer(List.of(new Note("rule", "text"), new Note("other", "more")), List.of(new Reason("r", 1, "t")));
        AnswerBody body = new AnswerBody(indenting);

        for (int round = 0; round < 2; round++) {
            assertArrayEquals(indenting.writeValueAsBytes(answer), bytes(body.write(answer)));
        }
    }

    @Test
    void beyondItsCapacityLinesAreStillWrittenRight() throws Exception {
        // Given more distinct lines than are kept
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < EncodedLines.CAPACITY + 500; i++) {
            notes.add(new Note("rule-" + (i % 7), "line number " + i));
        }
        Result answer = answer(notes, List.of());
        AnswerBody body = new AnswerBody(MAPPER);

        // When written twice, then the document is the mapper's both times
        for (int round = 0; round < 2; round++) {
            assertArrayEquals(MAPPER.writeValueAsBytes(answer), bytes(body.write(answer)));
        }
        // and the kept lines stopped at the capacity
        assertTrue(body.keptLines() <= EncodedLines.CAPACITY, "kept " + body.keptLines());
        assertTrue(body.keptLines() > 0);
    }

    @Test
    void aFailedWriteReleasesItsBufferAndSaysSo() {
        ObjectMapper failing = JsonMapper.builder().build();
        failing.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule().addSerializer(Result.KnowledgeInfo.class,
                new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(Result.KnowledgeInfo.class) {
                    @Override
                    public void serialize(Result.KnowledgeInfo value, com.fasterxml.jackson.core.JsonGenerator generator,
                                          com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
                        throw new java.io.IOException("disk on fire");
                    }
                }));
        List<ByteBuf> allocated = new ArrayList<>();
        AnswerBody body = new AnswerBody(failing, new io.netty.buffer.AbstractByteBufAllocator(false) {
            @Override
            protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
                ByteBuf buffer = io.netty.buffer.Unpooled.buffer(initialCapacity, maxCapacity);
                allocated.add(buffer);
                return buffer;
            }

            @Override
            protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
                return newHeapBuffer(initialCapacity, maxCapacity);
            }

            @Override
            public boolean isDirectBufferPooled() {
                return false;
            }
        });

        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> body.write(answer(List.of(), List.of())));
        assertTrue(thrown.getMessage().contains("disk on fire"), thrown.getMessage());
        assertEquals(1, allocated.size());
        assertEquals(0, allocated.get(0).refCnt());
    }

    /** An answer with one excluded library holding {@code notes} and one poor fit holding {@code reasons}. */
    private static Result answer(List<Note> notes, List<Reason> reasons) {
        return new Result(List.of(), List.of(new Result.PoorFit("p", "P", "orm", -1, reasons, notes)),
                List.of(new Result.Excluded("x", "X", notes)), null, null, null, null, null,
                new Result.KnowledgeInfo("abc", 1, 1, "2026-11-26"));
    }

    private static byte[] bytes(ByteBuf buffer) {
        try {
            return ByteBufUtil.getBytes(buffer);
        } finally {
            assertEquals(1, buffer.refCnt());
            buffer.release();
        }
    }
}
