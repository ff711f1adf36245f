package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team walk-through of rules/README.md, run as written: each file it shows (a line
 * {@code `PATH`:} before a fenced block) is written, each {@code $ dbpick ...} of a
 * {@code console} block is run with the packaged jar in a copy of the repository's knowledge, and
 * the lines shown after it must appear in the output in that order ({@code ...} stands for any
 * text; a line of its own for any lines). The bundled files stay as they were.
 */
class TeamWalkthroughIT {

    private static final String SECTION = "## Walk-through: \"our team standardises on SQLAlchemy: +15 points\"";

    @TempDir
    Path clone;

    @Test
    void theWalkthroughRunsAsWrittenWithoutEditingABundledFile() throws IOException {
        TestKnowledge.copyTree(Path.of("rules"), clone.resolve("rules"));
        TestKnowledge.copyTree(Path.of("data"), clone.resolve("data"));
        List<String> lines = section(Files.readAllLines(Path.of("rules", "README.md")));
        int commands = 0;
        int files = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.matches("`[^`]+`:") && i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("```")) {
                List<String> block = block(lines, i + 1);
                Path file = clone.resolve(line.substring(1, line.length() - 2));
                Files.createDirectories(file.getParent());
                Files.writeString(file, String.join("\n", block) + "\n");
                files++;
                i += block.size() + 2;
            } else if (line.equals("```console")) {
                List<String> block = block(lines, i);
                commands += run(block);
                i += block.size() + 1;
            }
        }
        assertEquals(2, files, "the walk-through writes the team's rule and its scenario file");
        assertTrue(commands >= 4, "the walk-through runs its commands");
        assertUnchanged(Path.of("rules"), clone.resolve("rules"));
        assertUnchanged(Path.of("data"), clone.resolve("data"));
    }

    @Test
    void dbpickTeamNamesTheTeamFolderWhenTheOptionDoesNot() throws IOException {
        Path rule = clone.resolve("ours/rules/team.drl");
        Files.createDirectories(rule.getParent());
        Files.copy(Path.of("src/test/resources/team/ask-the-dbas.drl"), rule);
        JarRun.Outcome run = JarRun.in(Path.of("").toAbsolutePath(), null, java.util.Map.of("DBPICK_TEAM", clone.resolve("ours").toString()),
                "recommend", "--database", "postgresql", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        var team = dev.dbpick.support.Mappers.json().readTree(run.out()).get("knowledge").get("team");
        assertEquals(clone.resolve("ours").toString(), team.get("folder").asText());
        assertTrue(run.out().contains("Our DBAs review every new SQLAlchemy service"));
    }

    @Test
    void aTeamFolderThatDoesNotExistIsOneLine() {
        JarRun.Outcome run = JarRun.run("recommend", "--team", "no-such-team");
        assertEquals(3, run.code(), run::toString);
        assertEquals("dbpick: invalid rules or data: --team no-such-team: no such folder", run.err().strip());
    }

    /** Runs the commands of a console block, checking the output each shows; returns how many ran. */
    private int run(List<String> block) {
        int ran = 0;
        for (int i = 0; i < block.size(); i++) {
            if (!block.get(i).startsWith("$ dbpick ")) {
                continue;
            }
            String[] args = block.get(i).substring("$ dbpick ".length()).strip().split(" +");
            List<String> expected = new ArrayList<>();
            for (int j = i + 1; j < block.size() && !block.get(j).startsWith("$ "); j++) {
                expected.add(block.get(j));
            }
            JarRun.Outcome outcome = JarRun.in(clone, null, args);
            assertFalse(outcome.code() == 1 || outcome.code() == 2, outcome::toString);
            List<String> output = (outcome.out() + outcome.err()).lines().toList();
            int at = 0;
            for (String want : expected) {
                if (want.strip().equals("...")) {
                    continue;
                }
                Pattern pattern = pattern(want.strip());
                while (at < output.size() && !pattern.matcher(output.get(at)).find()) {
                    at++;
                }
                assertTrue(at < output.size(), () -> "rules/README.md shows \"" + want + "\" after \"dbpick "
                        + String.join(" ", args) + "\"; the output was\n" + outcome);
                at++;
            }
            ran++;
        }
        return ran;
    }

    private static Pattern pattern(String shown) {
        List<String> parts = new ArrayList<>();
        for (String part : shown.split("\\.\\.\\.", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }

    /** The lines of a fenced block that starts at {@code fence}, without the fence's indentation. */
    private static List<String> block(List<String> lines, int fence) {
        String indent = lines.get(fence).substring(0, lines.get(fence).indexOf("```"));
        List<String> block = new ArrayList<>();
        for (int i = fence + 1; !lines.get(i).strip().equals("```"); i++) {
            String line = lines.get(i);
            block.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
        }
        return block;
    }

    private static List<String> section(List<String> readme) {
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "rules/README.md has the walk-through");
        int end = start + 1;
        while (end < readme.size() && !readme.get(end).startsWith("## ")) {
            end++;
        }
        return readme.subList(start, end);
    }

    private static void assertUnchanged(Path original, Path copy) throws IOException {
        List<Path> originals = regularFiles(original);
        for (Path file : originals) {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy.resolve(original.relativize(file).toString())),
                    file.toString());
        }
        assertEquals(originals.size(), regularFiles(copy).size(), "no file added to " + original);
    }

    private static List<Path> regularFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
