package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --as-of outside the years 1990 to 2100, or not YYYY-MM-DD, is a usage error: exit 2, one line. */
class AsOfTest {

    @Test
    void anEvaluationDateOutOfRangeExitsTwoWithOneLine() {
        for (String asOf : new String[] {"1989-12-31", "2101-01-01", "+10000-01-01"}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), List.of("recommend"))
                    .execute("recommend", "--database", "sqlite", "--as-of", asOf);
            assertEquals(2, code, asOf + ": " + err);
            assertTrue(err.toString().contains("--as-of must be a date from 1990-01-01 to 2100-12-31, YYYY-MM-DD, got \"" + asOf + "\""),
                    err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertEquals("", out.toString());
        }
    }
}
