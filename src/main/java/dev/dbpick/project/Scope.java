package dev.dbpick.project;

/** What a dependency is declared for. Only runtime and optional dependencies shape the answers. */
public enum Scope {
    /** Installed with the project: PEP 621 dependencies, Poetry's main group, requirements.txt. */
    RUNTIME,
    /** An extra the project offers (PEP 621 optional-dependencies, Poetry optional dependencies). */
    OPTIONAL,
    /** Tests, linting, docs: dependency groups, dev-dependencies, requirements-dev.txt. */
    DEVELOPMENT;

    /** Whether a dependency of this scope runs with the project, and so says what the project is. */
    public boolean runtime() {
        return this != DEVELOPMENT;
    }

    /** A group or file name such as "dev", "tests" or "requirements-lint" names development work. */
    static Scope ofName(String name, Scope otherwise) {
        for (String word : name.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (DEVELOPMENT_WORDS.contains(word)) {
                return DEVELOPMENT;
            }
        }
        return otherwise;
    }

    private static final java.util.Set<String> DEVELOPMENT_WORDS = java.util.Set.of("dev", "develop", "development",
            "test", "tests", "testing", "lint", "linting", "linters", "docs", "doc", "documentation", "ci", "local",
            "typing", "types", "mypy", "style", "qa", "check", "checks", "tools", "tox", "bench", "benchmark", "coverage");
}
