package dev.dbpick.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Environment markers judged for a Python series: true, false, or depending on the platform. */
class MarkerTest {

    private static final List<String> SUPPORTED = List.of("3.11", "3.12", "3.13");

    @Test
    void pythonVersionMarkersAreJudgedForEachSeries() {
        assertFalse(Marker.parse("python_version < \"3.8\"").mayHoldOn(SUPPORTED));
        assertTrue(Marker.parse("python_version >= '3.12'").mayHoldOn(SUPPORTED));
        assertFalse(Marker.parse("python_version >= '3.12'").mayHoldOn(List.of("3.11")));
        assertTrue(Marker.parse("\"3.11\" == python_version").mayHoldOn(SUPPORTED));
        assertFalse(Marker.parse("python_full_version < '3.11.0'").mayHoldOn(SUPPORTED));
        assertEquals(Marker.Truth.UNKNOWN, Marker.parse("python_full_version < '3.11.4'").test(3, 11));
        assertTrue(Marker.parse("python_version in '3.10 3.11'").mayHoldOn(SUPPORTED));
    }

    @Test
    void platformMarkersMayHold() {
        Marker marker = Marker.parse("sys_platform != 'win32' and implementation_name == \"cpython\"");
        assertEquals(Marker.Truth.UNKNOWN, marker.test(3, 12));
        assertTrue(marker.mayHoldOn(SUPPORTED));
        assertFalse(Marker.parse("sys_platform == 'linux' and python_version < '3.9'").mayHoldOn(SUPPORTED));
        assertTrue(Marker.parse("(python_version < '3.9' or os_name == 'nt') and extra == 'db'").mayHoldOn(SUPPORTED));
    }

    @Test
    void anUnreadableMarkerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Marker.parse("sys_platfrom == 'linux'"));
        assertThrows(IllegalArgumentException.class, () -> Marker.parse("python_version <> '3'"));
        assertThrows(IllegalArgumentException.class, () -> Marker.parse("(python_version < '3'"));
        assertThrows(IllegalArgumentException.class, () -> Marker.parse("python_version < '3"));
    }
}
