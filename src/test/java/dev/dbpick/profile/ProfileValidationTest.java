package dev.dbpick.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.dbpick.TestKnowledge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One fixture per bad case under fixtures/profiles/bad: NAME.json is the profile, NAME.expect
 * lists the fragments the one-line error must contain.
 */
class ProfileValidationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/profiles");

    private final ProfileReader reader = new ProfileReader(TestKnowledge.data().questionnaire());

    @TestFactory
    Stream<DynamicTest> everyBadProfileIsRejectedWithOneLineNamingTheProblem() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(FIXTURES.resolve("bad"))) {
            cases = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(json -> dynamicTest(json.getFileName().toString(), () -> {
            String expect = Files.readString(Path.of(json.toString().replace(".json", ".expect")));
            ProfileException e = assertThrows(ProfileException.class, () -> reader.read(Files.readString(json)));
            assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
            assertTrue(e.getMessage().length() < 400, "short: " + e.getMessage());
            for (String fragment : expect.strip().split("\n")) {
                assertTrue(e.getMessage().contains(fragment), "expected \"" + fragment + "\" in: " + e.getMessage());
            }
        }));
    }

    @Test
    void anEmptyObjectTakesEveryDefault() throws IOException {
        Profile profile = reader.read(Files.readString(FIXTURES.resolve("good/empty-object.json")));
        assertEquals(new Profile("any", List.of(), "not-needed", "any", "any", "any", "none", "any", List.of(), List.of(),
                Map.of("permissiveLicense", false, "noNativeBuild", false, "standardLibraryOnly", false,
                        "activelyMaintained", false, "migrations", false)), profile);
    }

    @Test
    void nullFieldsTakeTheirDefaults() throws IOException {
        Profile profile = reader.read(Files.readString(FIXTURES.resolve("good/nulls-take-defaults.json")));
        assertEquals("not-needed", profile.async());
        assertEquals(List.of(), profile.databases());
    }

    @Test
    void aFullProfileKeepsEveryValueAndThePriorityOrder() throws IOException {
        Profile profile = reader.read(Files.readString(FIXTURES.resolve("good/full.json")));
        assertEquals(List.of("postgresql", "sqlite"), profile.databases());
        assertEquals(List.of("type-safety", "performance", "maturity"), profile.priorities());
        assertTrue(profile.requires("permissiveLicense"));
        assertFalse(profile.requires("noNativeBuild"));
        assertFalse(profile.requires("activelyMaintained"));
    }

    @Test
    void aDocumentOverTheSizeLimitIsRejected() {
        String large = "{\"purpose\": \"" + "x".repeat(ProfileReader.MAX_LENGTH) + "\"}";
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read(large));
        assertTrue(e.getMessage().contains("larger than 64 KiB"), e.getMessage());
    }
}
