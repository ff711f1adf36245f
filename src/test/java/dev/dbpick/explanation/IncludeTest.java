package dev.dbpick.explanation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.explanation.Include.Explanation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code include} as written on the command line and in the query string. */
class IncludeTest {

    @Test
    void eachValueOnItsOwnAndSeveralCommaSeparated() {
        assertEquals(Include.of(Explanation.PIVOTS), Include.parse("pivots"));
        assertEquals(Include.of(Explanation.RELAXATIONS), Include.parse("relaxations"));
        assertEquals(Include.ALL, Include.parse("pivots,relaxations"));
        assertEquals(Include.ALL, Include.parse("relaxations, pivots"));
        assertEquals(Include.ALL, Include.parse("all"));
        assertEquals(Include.NONE, Include.parse("none"));
    }

    @Test
    void itIsWrittenBackAsItIsRead() {
        assertEquals("pivots,relaxations", Include.ALL.toString());
        assertEquals("none", Include.NONE.toString());
        assertEquals(Include.of(Explanation.PIVOTS), Include.parse(Include.of(Explanation.PIVOTS).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pivot", "Pivots", "", "pivots,", "none,pivots", "everything"})
    void anUnknownValueNamesTheAllowedOnes(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Include.parse(text));
        assertTrue(e.getMessage().contains("allowed: pivots, relaxations, all, none"), e.getMessage());
    }
}
