package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog text is escaped for where it goes: a record whose name and summary carry an ANSI
 * colour (ESC[31m), a right-to-left override (U+202E) and a script tag reaches no output with
 * a raw control character, and the Markdown outputs show the tag as text.
 */
class EscapingTest {

    private static final String HOSTILE = "SQLAlchemy\\e[31m\\u202E<script>alert(1)</script>";

    @TempDir
    static Path top;
    private static Path data;

    @BeforeAll
    static void aCatalogRecordWithHostileText() throws IOException {
        data = top.resolve("data");
        TestKnowledge.copyTree(Path.of("data"), data);
        Path orm = data.resolve("catalog/orm.yaml");
        String catalog = Files.readString(orm);
        String edited = catalog.replaceFirst("\n    name: SQLAlchemy\n", "\n    name: \"" + HOSTILE.replace("\\", "\\\\") + "\"\n");
        Files.writeString(orm, edited);
    }

    @Test
    void tablesWhyNotComparisonsAndCatalogPagesCarryNoRawControlCharacter() {
        for (String[] args : new String[][] {
            {"recommend", "--database", "postgresql"},
            {"recommend", "--database", "postgresql", "--explain"},
            {"why-not", "sqlalchemy", "--database", "mongodb"},
            {"compare", "sqlalchemy", "peewee", "--database", "sqlite"},
            {"catalog", "show", "sqlalchemy"}}) {
            String out = run(args);
            assertTrue(out.contains("SQLAlchemy<U+001B>[31m<U+202E>"), String.join(" ", args) + ": " + out);
            assertNoRawControl(out, args);
        }
    }

    @Test
    void markdownAndDecisionRecordShowTheTagAsText() {
        for (String[] args : new String[][] {
            {"recommend", "--database", "postgresql", "--format", "markdown"},
            {"recommend", "--database", "postgresql", "--format", "adr"},
            {"why-not", "sqlalchemy", "--database", "mongodb", "--format", "markdown"},
            {"compare", "sqlalchemy", "peewee", "--database", "sqlite", "--format", "markdown"}}) {
            String out = run(args);
            assertTrue(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), String.join(" ", args) + ": " + out);
            assertFalse(out.contains("<script>"), String.join(" ", args));
            assertNoRawControl(out, args);
        }
    }

    @Test
    void jsonKeepsTheTextWithTheControlsEscaped() {
        String out = run("recommend", "--database", "postgresql", "--format", "json");
        assertTrue(out.contains("SQLAlchemy\\u001B[31m\\u202E<script>"), out);
        assertNoRawControl(out, new String[] {"json"});
    }

    private static void assertNoRawControl(String out, String[] args) {
        for (char c : out.toCharArray()) {
            assertFalse(c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e
                    || c >= 0x2066 && c <= 0x2069, String.join(" ", args) + ": raw U+" + Integer.toHexString(c));
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data",
                data.toString())).toArray(String[]::new);
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(withData);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        return out.toString();
    }
}
