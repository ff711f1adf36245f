package dev.dbpick.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which Python series a constraint allows, as PEP 440 and Poetry write it. */
class VersionRangeTest {

    private static final List<String> SERIES = List.of("3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14");

    private static String allowed(String constraint) {
        VersionRange range = VersionRange.parse(constraint);
        return SERIES.stream().filter(s -> {
            int[] v = VersionRange.release(s);
            return range.allowsSeries(v[0], v[1]);
        }).collect(Collectors.joining(" "));
    }

    @Test
    void pep440ConstraintsAllowTheSeriesTheyShould() {
        assertEquals("3.10 3.11 3.12 3.13 3.14", allowed(">=3.10"));
        assertEquals("3.9 3.10 3.11", allowed(">=3.9,<3.12"));
        assertEquals("3.11 3.12 3.13 3.14", allowed("~=3.11"));
        assertEquals("3.11", allowed("~=3.11.2"));
        assertEquals("3.12", allowed("==3.12.*"));
        assertEquals("3.8 3.10 3.11 3.12 3.13 3.14", allowed(">=3.8, !=3.9.*"));
        assertEquals("3.11 3.12 3.13 3.14", allowed(">=3.10.4,!=3.10.*"));
        assertEquals("3.10 3.11 3.12 3.13 3.14", allowed(">=3.10.0rc1"));
        assertEquals("3.8 3.9 3.10 3.11 3.12 3.13 3.14", allowed(""));
    }

    @Test
    void poetryConstraintsAllowTheSeriesTheyShould() {
        assertEquals("3.11 3.12 3.13 3.14", allowed("^3.11"));
        assertEquals("3.10", allowed("~3.10"));
        assertEquals("3.9 3.10 3.11", allowed(">=3.9 <3.12"));
        assertEquals("3.8 3.12", allowed("3.8.* || ^3.12,<3.13"));
        assertEquals("3.11", allowed("3.11"));
        assertEquals("3.8 3.9 3.10 3.11 3.12 3.13 3.14", allowed("*"));
    }

    @Test
    void anUnreadableConstraintIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("five"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(">> 3"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("~=3"));
    }
}
