/**
 * The engine: facts in, rules fired, score lines summed and ranked; the facts rules insert and the result document.
 */
package dev.dbpick.recommendation;
