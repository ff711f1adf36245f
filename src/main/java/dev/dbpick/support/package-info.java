/**
 * Shared infrastructure: the project's Jackson mappers and plain-text layout.
 */
package dev.dbpick.support;
