package dev.dbpick.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.render.MarkdownRenderer;
import dev.dbpick.render.TableRenderer;
import dev.dbpick.render.View;
import dev.dbpick.support.Mappers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In a cache answer the client is the pick and a caching layer over it an option on top, not a rival. */
class CacheLayersTest {

    private final Result result = TestKnowledge.advisor().recommend(new ProfileReader(TestKnowledge.knowledge().questionnaire())
            .read("{\"purpose\":\"cache\",\"databases\":[\"redis\"]}"), 10, TestKnowledge.AS_OF, Include.NONE);

    @Test
    void theLayerIsListedOnTopOfTheClientItRunsOn() {
        Result.Recommendation redis = result.recommendations().get(0);
        assertEquals("redis", redis.id());
        assertEquals(List.of("dogpile.cache"), redis.layers().stream().map(StackEntry.Pick::id).toList());
        assertTrue(result.recommendations().stream().noneMatch(r -> r.id().equals("dogpile.cache")), "not ranked against redis-py");
        assertNotEquals("dogpile.cache", result.margin().second(), "a layer and its client are no tie");
    }

    @Test
    void theJsonTheTableAndTheMarkdownShowTheLayer() throws Exception {
        assertEquals("dogpile.cache", Mappers.json().valueToTree(result).at("/recommendations/0/layers/0/id").asText());
        View view = View.of(TestKnowledge.knowledge(), View.DEFAULT_WIDTH, false);
        StringWriter table = new StringWriter();
        TableRenderer.render(result, view, new PrintWriter(table));
        assertTrue(table.toString().contains("+ a caching layer on top, if wanted: dogpile.cache"), table.toString());
        assertTrue(table.toString().contains("7 of 87 libraries fit"), "a layer still fits: " + table);
        StringWriter markdown = new StringWriter();
        MarkdownRenderer.render(result, view, new PrintWriter(markdown));
        assertTrue(markdown.toString().contains("a caching layer on top, if wanted: dogpile.cache"), markdown.toString());
    }

    @Test
    void outsideACacheAnswerNothingIsLayered() {
        Result any = TestKnowledge.advisor().recommend(new ProfileReader(TestKnowledge.knowledge().questionnaire())
                .read("{\"databases\":[\"redis\"]}"), 0, TestKnowledge.AS_OF, Include.NONE);
        assertTrue(any.recommendations().stream().allMatch(r -> r.layers().isEmpty()));
    }
}
