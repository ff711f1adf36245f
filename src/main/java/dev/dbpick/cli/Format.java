package dev.dbpick.cli;

/** Output formats of the commands that print an answer. */
enum Format {
    TABLE, JSON, MARKDOWN,
    /** An architecture decision record (MADR), for recommend and ask only. */
    ADR
}
