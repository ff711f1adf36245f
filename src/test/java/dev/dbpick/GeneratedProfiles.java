package dev.dbpick;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.Mappers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Valid profiles drawn at random (seeded, so every run sees the same ones) from the
 * questionnaire's own choices: each field left out or given a value, lists of up to three
 * values, constraints switched on now and then.
 */
public final class GeneratedProfiles {

    private GeneratedProfiles() {
    }

    public static List<Profile> of(Questionnaire questionnaire, int count, long seed, boolean withStack) {
        Random random = new Random(seed);
        ProfileReader reader = new ProfileReader(questionnaire);
        List<Profile> profiles = new ArrayList<>();
        while (profiles.size() < count) {
            ObjectNode document = Mappers.json().createObjectNode();
            for (Question q : questionnaire.questions()) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                List<String> values = new ArrayList<>(q.values());
                if (!withStack) {
                    values.remove("stack");
                }
                switch (q.type()) {
                    case SINGLE -> document.put(q.field(), values.get(random.nextInt(values.size())));
                    case MULTIPLE -> {
                        Collections.shuffle(values, random);
                        int size = random.nextInt(Math.min(3, q.max() == null ? 3 : q.max()) + 1);
                        ArrayNode list = document.putArray(q.field());
                        values.stream().limit(size).forEach(list::add);
                    }
                    case FLAGS -> {
                        ObjectNode flags = document.putObject(q.field());
                        values.forEach(v -> {
                            if (random.nextInt(6) == 0) {
                                flags.put(v, true);
                            }
                        });
                    }
                }
            }
            try {
                profiles.add(reader.validate(document));
            } catch (ProfileException e) {
                // Not a valid combination; draw again.
            }
        }
        return profiles;
    }
}
