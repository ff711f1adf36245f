package dev.dbpick.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.Data;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One folder per real-world project layout under fixtures/projects/good, each with the profile
 * it must infer (expect.json: the fields, the catalog libraries it uses, the files read and
 * fragments of notes); one folder per bad input under fixtures/projects/bad, with the one line
 * it must be refused with (expect.txt).
 */
class ProjectFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/projects");

    private final Data data = TestKnowledge.data();

    @TestFactory
    Stream<DynamicTest> everyProjectLayoutGivesTheProfileItMust() throws IOException {
        return cases("good").stream().map(dir -> dynamicTest(dir.getFileName().toString(), () -> {
            JsonNode expected = Mappers.json().readTree(dir.resolve("expect.json").toFile());
            PythonProject project = ProjectReader.read(dir);
            ProjectAnswers answers = new Inference(data.questionnaire(), data.catalog())
                    .infer(project, Mappers.json().createObjectNode());
            ObjectNode document = Mappers.json().createObjectNode();
            answers.fill(document);
            assertEquals(expected.get("profile"), document, () -> String.join("\n", answers.report()));
            new ProfileReader(data.questionnaire()).validate(document);
            assertEquals(texts(expected.get("libraries")), answers.libraries(), () -> String.join("\n", answers.report()));
            assertEquals(texts(expected.get("files")), project.files());
            for (String note : texts(expected.path("notes"))) {
                assertTrue(answers.summary().notes().stream().anyMatch(n -> n.startsWith(note)),
                        "expected a note starting \"" + note + "\" in " + answers.summary().notes());
            }
            assertTrue(answers.report().stream().allMatch(line -> line.length() <= 240), () -> String.join("\n", answers.report()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBadProjectIsRefusedInOneLineNamingTheFileAndLine() throws IOException {
        return cases("bad").stream().map(dir -> dynamicTest(dir.getFileName().toString(), () -> {
            String expected = Files.readString(dir.resolve("expect.txt")).strip();
            ProjectException e = assertThrows(ProjectException.class, () -> ProjectReader.read(dir));
            assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }));
    }

    private static List<Path> cases(String kind) throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES.resolve(kind))) {
            List<Path> found = dirs.filter(Files::isDirectory).sorted().toList();
            assertFalse(found.isEmpty());
            return found;
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return values;
    }
}
