package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules diff --against REV} reports the profiles an uncommitted edit moved, against git. */
class RulesDiffTest {

    @TempDir
    Path repository;

    @Test
    void anEditThatFavoursOneLibraryIsReportedAgainstTheLastCommit() throws Exception {
        dev.dbpick.TestKnowledge.copyTree(Path.of("rules"), repository.resolve("rules"));
        dev.dbpick.TestKnowledge.copyTree(Path.of("data"), repository.resolve("data"));
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "knowledge");
        Files.writeString(repository.resolve("rules/priorities.drl"), """

                rule "Test: favour peewee"
                when
                    Library($id: id, id == "peewee")
                then
                    insert(new Score($id, 200, "Favoured by the test"));
                end
                """, StandardOpenOption.APPEND);

        String[] out = run("rules", "diff", "--against", "HEAD", "--rules", repository.resolve("rules").toString(),
                "--data", repository.resolve("data").toString());

        assertEquals("0", out[0], out[2]);
        assertTrue(out[1].contains("first pick moved"), out[1]);
        assertTrue(out[1].contains("->  peewee"), out[1]);
        assertTrue(out[1].lines().reduce((a, b) -> b).orElse("").matches("\\d+ profiles against HEAD: \\d+ changed, \\d+ first pick.*"),
                out[1]);
    }

    @Test
    void aRevisionGitDoesNotKnowIsOneClearLine() throws Exception {
        dev.dbpick.TestKnowledge.copyTree(Path.of("rules"), repository.resolve("rules"));
        dev.dbpick.TestKnowledge.copyTree(Path.of("data"), repository.resolve("data"));
        git("init", "-q");

        String[] out = run("rules", "diff", "--against", "no-such-revision", "--rules", repository.resolve("rules").toString(),
                "--data", repository.resolve("data").toString());

        assertEquals("3", out[0]);
        assertEquals(1, out[2].strip().lines().count(), out[2]);
        assertTrue(out[2].contains("git archive: fatal: not a valid object name: no-such-revision"), out[2]);
    }

    private void git(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Stream.concat(Stream.of("git"), Stream.of(args)).toList())
                .directory(repository.toFile()).inheritIO().start();
        assertEquals(0, process.waitFor(), "git " + String.join(" ", args));
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), List.of("rules")).execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
