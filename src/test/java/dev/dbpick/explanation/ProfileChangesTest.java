package dev.dbpick.explanation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.GeneratedProfiles;
import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.scenario.Scenario;
import dev.dbpick.scenario.ScenarioReader;
import dev.dbpick.support.Mappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A changed profile is made from the profile and the changed answers alone
 * ({@link ProfileReader#change}); it must be what reading the whole merged document makes, and
 * be refused exactly when that is refused, over every scenario profile, generated profiles, every
 * answer a change can give (valid or not) and pairs of them.
 */
class ProfileChangesTest {

    private final Knowledge knowledge = TestKnowledge.knowledge();
    private final ProfileReader reader = new ProfileReader(knowledge.questionnaire());
    private final ProfileChanges changes = new ProfileChanges(knowledge.questionnaire(), knowledge.settings().changeOrder());

    @Test
    void aChangedProfileIsTheMergedDocumentRead() {
        List<Profile> profiles = new ArrayList<>();
        new ScenarioReader(knowledge.catalog(), knowledge.questionnaire()).read(TestKnowledge.RULES).stream()
                .map(Scenario::profile).forEach(profiles::add);
        profiles.addAll(GeneratedProfiles.of(knowledge.questionnaire(), 150, 41, true));
        List<ObjectNode> candidates = candidates();
        Random random = new Random(5);
        int valid = 0;
        int refused = 0;
        for (Profile profile : profiles) {
            List<ObjectNode> tried = new ArrayList<>(candidates);
            for (int i = 0; i < 40; i++) {
                ObjectNode pair = candidates.get(random.nextInt(candidates.size())).deepCopy();
                tried.add(ProfileChanges.merge(pair, candidates.get(random.nextInt(candidates.size()))));
            }
            for (ObjectNode change : tried) {
                Profile expected = readMerged(profile, change);
                assertEquals(expected, changes.apply(profile, change), profile + " with " + change);
                if (expected == null) {
                    refused++;
                } else {
                    valid++;
                }
            }
        }
        assertTrue(valid > 10_000 && refused > 1_000, "valid " + valid + ", refused " + refused);
    }

    @Test
    void aRefusalNamesTheSameProblem() throws Exception {
        Profile profile = reader.read("{\"databases\":[\"postgresql\"]}");
        for (String change : List.of("{\"async\":\"sometimes\"}", "{\"databases\":\"postgresql\"}", "{\"colour\":\"blue\"}",
                "{\"constraints\":{\"fast\":true}}", "{\"constraints\":{\"permissiveLicense\":1}}",
                "{\"priorities\":[\"performance\",\"performance\"]}")) {
            ObjectNode node = (ObjectNode) Mappers.json().readTree(change);
            String whole = message(() -> reader.validate(ProfileChanges.merge(Mappers.json().valueToTree(profile), node)));
            assertNotNull(whole, change);
            assertEquals(whole, message(() -> reader.change(profile, node)), change);
        }
    }

    /** Every value of every answer, each alone: other choices, lists with a value more or less, each flag, null, a wrong type. */
    private List<ObjectNode> candidates() {
        List<ObjectNode> all = new ArrayList<>();
        for (Question question : knowledge.questionnaire().questions()) {
            all.add(Mappers.json().createObjectNode().putNull(question.field()));
            all.add(Mappers.json().createObjectNode().put(question.field(), 3));
            for (String value : question.values()) {
                ObjectNode change = Mappers.json().createObjectNode();
                switch (question.type()) {
                    case SINGLE -> change.put(question.field(), value);
                    case MULTIPLE -> {
                        ArrayNode list = change.putArray(question.field()).add(value);
                        all.add(change.deepCopy());
                        question.values().stream().filter(v -> !v.equals(value)).limit(3).forEach(list::add);
                    }
                    case FLAGS -> {
                        change.putObject(question.field()).put(value, true);
                        all.add(Mappers.json().createObjectNode().set(question.field(),
                                Mappers.json().createObjectNode().put(value, false)));
                    }
                }
                all.add(change);
            }
            all.add(Mappers.json().createObjectNode().put(question.field(), "no-such-value"));
        }
        return all;
    }

    private Profile readMerged(Profile profile, ObjectNode change) {
        try {
            JsonNode document = Mappers.json().valueToTree(profile);
            return reader.validate(ProfileChanges.merge((ObjectNode) document, change));
        } catch (ProfileException e) {
            return null;
        }
    }

    private static String message(Runnable read) {
        try {
            read.run();
            return null;
        } catch (ProfileException e) {
            return e.getMessage();
        }
    }
}
