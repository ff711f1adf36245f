package dev.dbpick.explanation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.Mappers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The answers a profile could change one at a time, read from the questionnaire: every other
 * value of a single choice, one value added to or removed from a list, one constraint switched
 * on or off. A whole data layer ({@code purpose: stack}) changes the shape of the answer, so it
 * is never a change on its own.
 */
public final class ProfileChanges {

    private static final String STACK = "stack";

    private final Questionnaire questionnaire;
    private final ProfileReader reader;
    private final List<String> order;

    /** @param order the profile fields from the most to the least plausible to change */
    public ProfileChanges(Questionnaire questionnaire, List<String> order) {
        this.questionnaire = questionnaire;
        this.reader = new ProfileReader(questionnaire);
        this.order = List.copyOf(order);
    }

    /**
     * Every single-answer change of a profile that is itself a valid profile, the most plausible
     * first. For a whole data layer the databases define the answer, so they are not changed.
     */
    public List<Change> singles(Profile profile) {
        ObjectNode document = Mappers.json().valueToTree(profile);
        List<Change> changes = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            if (profile.stack() && question.field().equals("databases")) {
                continue;
            }
            JsonNode current = document.get(question.field());
            int rank = rank(question.field());
            switch (question.type()) {
                case SINGLE -> {
                    for (String value : question.values()) {
                        if (!value.equals(current.asText()) && !STACK.equals(value) && !STACK.equals(current.asText())) {
                            add(changes, profile, change(question.field(), text(value)), question.field() + ": " + value, rank);
                        }
                    }
                }
                case MULTIPLE -> {
                    List<String> values = new ArrayList<>();
                    current.forEach(v -> values.add(v.asText()));
                    for (String value : question.values()) {
                        List<String> changed = new ArrayList<>(values);
                        boolean present = changed.remove(value);
                        if (!present) {
                            changed.add(value);
                        }
                        add(changes, profile, change(question.field(), array(question.ordered() ? changed
                                : question.values().stream().filter(changed::contains).toList())),
                                question.field() + (present ? ": drop " : ": add ") + value, rank);
                    }
                }
                case FLAGS -> {
                    for (String flag : question.values()) {
                        boolean on = current.path(flag).asBoolean();
                        ObjectNode flags = Mappers.json().createObjectNode().put(flag, !on);
                        add(changes, profile, change(question.field(), flags), question.field() + (on ? ": drop " : ": add ") + flag, rank);
                    }
                }
            }
        }
        changes.sort(java.util.Comparator.comparingInt(Change::order));
        return changes;
    }

    /** Two single changes together, when they touch different answers and make a valid profile. */
    public Change combine(Profile profile, Change a, Change b) {
        ObjectNode together = merge(a.changes().deepCopy(), b.changes());
        if (together.size() < 2 && sameField(a, b)) {
            return null;
        }
        Profile changed = apply(profile, together);
        return changed == null ? null
                : new Change(together, a.summary() + "; " + b.summary(), changed, 2, Math.max(a.order(), b.order()));
    }

    /** The profile with changes merged over it, or null when that is not a valid profile. */
    public Profile apply(Profile profile, ObjectNode changes) {
        try {
            return reader.change(profile, changes);
        } catch (ProfileException e) {
            return null;
        }
    }

    /** Merges {@code changes} over {@code target}: objects key by key, every other value replaced. */
    public static ObjectNode merge(ObjectNode target, ObjectNode changes) {
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode object && entry.getValue() instanceof ObjectNode update) {
                merge(object, update);
            } else {
                target.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        return target;
    }

    private static boolean sameField(Change a, Change b) {
        return a.changes().fieldNames().next().equals(b.changes().fieldNames().next())
                && !(a.changes().elements().next().isObject());
    }

    private void add(List<Change> changes, Profile profile, ObjectNode change, String summary, int rank) {
        Profile changed = apply(profile, change);
        if (changed != null && !changed.equals(profile)) {
            changes.add(new Change(change, summary, changed, 1, rank));
        }
    }

    private int rank(String field) {
        int index = order.indexOf(field);
        return index < 0 ? order.size() : index;
    }

    private static ObjectNode change(String field, JsonNode value) {
        ObjectNode node = Mappers.json().createObjectNode();
        node.set(field, value);
        return node;
    }

    private static JsonNode text(String value) {
        return Mappers.json().getNodeFactory().textNode(value);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = Mappers.json().createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
