package dev.dbpick.refresh;

import dev.dbpick.catalog.FactNames;

/** The three sources of a refresh, and which facts each one owns. */
enum Source {
    PYPI("pypi", "release facts"),
    OSV("osv", "advisories"),
    DOWNLOADS("downloads", "download rank");

    private final String label;
    private final String facts;

    Source(String label, String facts) {
        this.label = label;
        this.facts = facts;
    }

    /** The name in reports and warnings: pypi, osv, downloads. */
    String label() {
        return label;
    }

    /** What a warning says stays as it was when this source fails. */
    String facts() {
        return facts;
    }

    /** The source that sets a fact. */
    static Source of(String fact) {
        if (fact.equals(FactNames.ADVISORIES)) {
            return OSV;
        }
        return fact.equals(FactNames.DOWNLOAD_RANK) ? DOWNLOADS : PYPI;
    }
}
