/**
 * The library catalog of {@code data/catalog/*.yaml} and its vocabulary: reading, validating, and the {@code Library} fact the rules match on.
 */
package dev.dbpick.catalog;
