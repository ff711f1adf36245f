/**
 * Shared infrastructure: the project's Jackson mappers.
 */
package dev.dbpick.support;
