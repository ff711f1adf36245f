package dev.dbpick.refresh;

import static dev.dbpick.refresh.LoopbackServer.json;
import static dev.dbpick.refresh.LoopbackServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.TestKnowledge;
import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.FactNames;
import dev.dbpick.catalog.Library;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each source makes of its recorded answers: the PyPI JSON API, OSV and the download ranking. */
class RefreshSourcesTest {

    private static final Catalog HAND = TestKnowledge.data().handCatalog();
    private static final List<String> PYTHONS = List.of("3.10", "3.11", "3.12", "3.13", "3.14");

    private final LoopbackServer server = LoopbackServer.start().withRecordedAnswers();
    private final PoliteClient client = new PoliteClient(ResponseCache.disabled(), Duration.ofSeconds(10), 1000,
            "dbpick/test (+https://example.org)", false, RefreshClientTest.DEC_2, d -> { });
    private final PypiSource pypi = new PypiSource(client, server.url(), PYTHONS, "2026-12");
    private final OsvSource osv = new OsvSource(client, server.url());

    @AfterEach
    void stop() {
        server.close();
    }

    private static Library hand(String id) {
        return HAND.find(id).orElseThrow();
    }

    private static String text(SourceOutcome outcome, String fact) {
        return outcome.facts().get(fact).value().asText();
    }

    @Test
    void aNewReleaseGivesTheVersionItsMonthAndItsLinesPythonVersions() {
        SourceOutcome outcome = pypi.refresh(hand("sqlalchemy"));
        assertFalse(outcome.failed());
        assertEquals("2.1.10", text(outcome, FactNames.LATEST_VERSION));
        assertEquals("2026-12", text(outcome, FactNames.RELEASED));
        assertEquals("stable", text(outcome, FactNames.DEV_STATUS));
        assertEquals("MIT", text(outcome, FactNames.LICENSE));
        assertEquals("[\"3.10\",\"3.11\",\"3.12\",\"3.13\",\"3.14\"]",
                outcome.facts().get(FactNames.pythonLine("2.1")).value().toString(), "3.15 is not a version the questionnaire knows");
        assertEquals(server.url() + "/pypi/sqlalchemy/json", outcome.facts().get(FactNames.LATEST_VERSION).source());
        assertEquals("2026-12-02", outcome.facts().get(FactNames.LATEST_VERSION).fetched());
    }

    @Test
    void aNewerPreReleaseIsNotTheLatestRelease() {
        SourceOutcome outcome = pypi.refresh(hand("sqlmodel"));
        assertEquals("0.0.50", text(outcome, FactNames.LATEST_VERSION));
        assertEquals("2026-10", text(outcome, FactNames.RELEASED));
        assertEquals("beta", text(outcome, FactNames.DEV_STATUS));
        assertTrue(outcome.notes().contains("0.1.0rc1 is a pre-release; the latest final release is 0.0.50"), outcome.notes()::toString);
    }

    @Test
    void aYankedLatestReleaseIsPassedOver() {
        SourceOutcome outcome = pypi.refresh(hand("psycopg"));
        assertEquals("3.3.9", text(outcome, FactNames.LATEST_VERSION));
        assertEquals("2026-10", text(outcome, FactNames.RELEASED));
        assertTrue(outcome.notes().stream().anyMatch(n -> n.startsWith("3.3.10 was yanked")), outcome.notes()::toString);
    }

    @Test
    void aLicenceWithoutAnExpressionIsReportedNeverApplied() {
        SourceOutcome outcome = pypi.refresh(hand("psycopg"));
        assertFalse(outcome.facts().containsKey(FactNames.LICENSE));
        assertTrue(outcome.keep().contains(FactNames.LICENSE));
        assertTrue(outcome.notes().stream().anyMatch(n -> n.contains("no license expression; the catalog keeps LGPL-3.0-only")),
                outcome.notes()::toString);
    }

    @Test
    void typingIsOnlyEverUpgraded() {
        server.on("GET", "/pypi/asyncpg/json", json("pypi/sqlalchemy.json"));   // Typing :: Typed
        assertEquals("inline", text(pypi.refresh(hand("asyncpg")), FactNames.TYPING), "stubs becomes inline");
        server.on("GET", "/pypi/psycopg2/json", json("pypi/sqlalchemy.json"));
        assertFalse(pypi.refresh(hand("psycopg2")).facts().containsKey(FactNames.TYPING), "typeshed's stubs are kept");
        SourceOutcome untyped = pypi.refresh(hand("django"));
        assertFalse(untyped.facts().containsKey(FactNames.TYPING), "no Typing :: Typed classifier: django keeps stubs");
        assertTrue(untyped.keep().contains(FactNames.TYPING));
    }

    @Test
    void eachMaintainedLineGetsTheVersionsOfItsOwnLatestRelease() {
        SourceOutcome outcome = pypi.refresh(hand("django"));
        assertEquals("6.1.4", text(outcome, FactNames.LATEST_VERSION));
        assertEquals("[\"3.12\",\"3.13\",\"3.14\"]", outcome.facts().get(FactNames.pythonLine("6.1")).value().toString());
        assertEquals("[\"3.10\",\"3.11\",\"3.12\",\"3.13\",\"3.14\"]", outcome.facts().get(FactNames.pythonLine("5.2")).value().toString());
        assertEquals(server.url() + "/pypi/django/5.2.10/json", outcome.facts().get(FactNames.pythonLine("5.2")).source());
        assertTrue(server.paths().contains("GET /pypi/django/5.2.10/json"));
    }

    @Test
    void aLineNewerThanTheRecordsIsProposed() {
        server.on("GET", "/pypi/cachetools/json", json("pypi/sqlalchemy.json"));
        SourceOutcome outcome = pypi.refresh(hand("cachetools"));   // keeps line 7.0; the answer's latest is 2.1.10
        assertFalse(outcome.facts().containsKey(FactNames.pythonLine("2.1")), "an older line than the record's is not added");
        server.on("GET", "/pypi/sqlalchemy/json", json("pypi/django.json"));
        SourceOutcome newer = pypi.refresh(hand("sqlalchemy"));   // keeps line 2.1; the answer's latest is 6.1.4
        assertEquals("[\"3.12\",\"3.13\",\"3.14\"]", newer.facts().get(FactNames.pythonLine("6.1")).value().toString());
    }

    @Test
    void aPackageGoneFromTheIndexIsReportedAndKeepsItsFacts() {
        SourceOutcome outcome = pypi.refresh(hand("asyncpg"));
        assertTrue(outcome.failed());
        assertTrue(outcome.facts().isEmpty());
        assertTrue(outcome.problems().get(0).contains("not on the Python Package Index"), outcome.problems()::toString);
    }

    @Test
    void malformedJsonIsAFailureOfThatPackage() {
        server.on("GET", "/pypi/pymysql/json", json("pypi/malformed.json"));
        SourceOutcome outcome = pypi.refresh(hand("pymysql"));
        assertTrue(outcome.failed());
        assertTrue(outcome.problems().get(0).startsWith("malformed JSON"), outcome.problems()::toString);
    }

    @Test
    void anAdvisoryFiledTwiceIsOneWithItsAliasesAndItsFix() {
        SourceOutcome outcome = osv.refresh(hand("sqlalchemy"));
        JsonNode advisories = outcome.facts().get(FactNames.ADVISORIES).value();
        assertEquals(1, advisories.size(), advisories::toString);
        JsonNode advisory = advisories.get(0);
        assertEquals("GHSA-7xq2-4m3v-p9rc", advisory.get("id").asText());
        assertEquals("[\"CVE-2026-41234\",\"PYSEC-2026-301\"]", advisory.get("aliases").toString());
        assertEquals("2.1.10", advisory.get("fixedIn").asText());
        assertEquals("{\"package\":{\"name\":\"sqlalchemy\",\"ecosystem\":\"PyPI\"}}", server.requests().get(0).body());
    }

    @Test
    void aPagedAnswerIsReadToItsLastPageAndWithdrawnAdvisoriesAreIgnored() {
        SourceOutcome outcome = osv.refresh(hand("django"));
        JsonNode advisories = outcome.facts().get(FactNames.ADVISORIES).value();
        assertEquals(List.of("GHSA-2h6c-wq4m-8v3j", "GHSA-6w2r-r2m5-xq5w", "GHSA-frmv-pr5f-9mcr"),
                advisories.findValuesAsText("id"));
        assertTrue(advisories.get(0).get("fixedIn").isNull(), "no fixed event: unfixed");
        assertEquals("6.0.2", advisories.get(1).get("fixedIn").asText(), "the highest fix: the first release with every fix");
        assertTrue(server.requests().get(1).body().contains("\"page_token\":\"CiQKF3B5cGktZGphbmdvLTIwMjYtMTEtMzASCQoHMjAyNi4xMQ==\""));
        assertEquals(List.of("1 withdrawn advisory ignored"), outcome.notes());
    }

    @Test
    void noAdvisoryIsAnEmptyListNotAFailure() {
        SourceOutcome outcome = osv.refresh(hand("psycopg"));
        assertFalse(outcome.failed());
        assertEquals(0, outcome.facts().get(FactNames.ADVISORIES).value().size());
    }

    @Test
    void aFailingAdvisorySourceDeterminesNothing() {
        server.on("POST", "/v1/query", status(500));
        SourceOutcome outcome = osv.refresh(hand("sqlalchemy"));
        assertTrue(outcome.failed());
        assertTrue(outcome.facts().isEmpty(), "an advisory list is never emptied because its source failed");
    }

    @Test
    void theRankIsThePositionInTheListingAndAnUnlistedPackageIsOutsideIt() {
        DownloadsSource downloads = new DownloadsSource(client, server.url() + "/top-pypi-packages.min.json");
        assertEquals(6, downloads.refresh(hand("sqlalchemy")).facts().get(FactNames.DOWNLOAD_RANK).value().asInt());
        assertEquals(13, downloads.refresh(hand("dogpile.cache")).facts().get(FactNames.DOWNLOAD_RANK).value().asInt(),
                "names compare as the index normalizes them");
        SourceOutcome unlisted = downloads.refresh(hand("psycopg"));
        assertTrue(unlisted.facts().get(FactNames.DOWNLOAD_RANK).value().isNull());
        assertTrue(unlisted.notes().get(0).contains("not among the 13 most downloaded packages"), unlisted.notes()::toString);
        assertEquals(1, server.requests().size(), "the listing is fetched once");
    }

    @Test
    void anEmptyListingIsAFailureNotEveryPackageOutsideTheRanking() {
        server.on("GET", "/empty.json", new LoopbackServer.Reply(200, java.util.Map.of(),
                "{\"last_update\": \"2026-12-01\", \"rows\": []}".getBytes(), null, Duration.ZERO));
        DownloadsSource downloads = new DownloadsSource(client, server.url() + "/empty.json");
        SourceOutcome outcome = downloads.refresh(hand("sqlalchemy"));
        assertTrue(outcome.failed());
        assertNull(outcome.facts().get(FactNames.DOWNLOAD_RANK));
    }
}
