package dev.dbpick.advice;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An evaluation date before a library's first release, and before the catalog's own fact dates. */
class AsOfBeforeTheFactsTest {

    private final Advisor advisor = TestKnowledge.advisor();
    private final Profile profile = new ProfileReader(TestKnowledge.knowledge().questionnaire())
            .read("{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}");

    @Test
    void aLibraryFirstReleasedAfterTheDateIsNotReleasedYet() {
        Result result = advisor.recommend(profile, 0, LocalDate.parse("2019-01-01"), Include.NONE);
        assertTrue(result.recommendations().stream().noneMatch(r -> r.id().equals("sqlmodel")), "SQLModel came in 2021-08");
        Result.Excluded sqlmodel = result.excluded().stream().filter(e -> e.id().equals("sqlmodel")).findFirst().orElseThrow();
        assertTrue(sqlmodel.reasons().stream().anyMatch(n -> n.text().startsWith("Not released yet on that date")), sqlmodel.toString());
    }

    @Test
    void onADateAfterItsFirstReleaseItIsRankedAsUsual() {
        Result result = advisor.recommend(profile, 0, TestKnowledge.AS_OF, Include.NONE);
        assertTrue(result.recommendations().stream().anyMatch(r -> r.id().equals("sqlmodel")));
        assertTrue(result.excluded().stream().flatMap(e -> e.reasons().stream())
                .noneMatch(n -> n.rule().equals("Released: not yet on the evaluation date")));
    }

    @Test
    void aDateBeforeTheCatalogsFactDatesSaysTheFactsAreAsRecorded() {
        String note = advisor.recommend(profile, 0, LocalDate.parse("2019-01-01"), Include.NONE).knowledge().factsNote();
        assertNotNull(note);
        assertTrue(note.contains("as recorded on their dates") && !note.contains("\n"), note);
        assertNull(advisor.recommend(profile, 0, TestKnowledge.AS_OF, Include.NONE).knowledge().factsNote(),
                "on or after the fact dates there is nothing to say");
    }
}
