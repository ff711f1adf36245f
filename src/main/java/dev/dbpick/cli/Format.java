package dev.dbpick.cli;

/** Output formats of {@code recommend}. */
enum Format {
    TABLE, JSON, MARKDOWN
}
