/**
 * The answer documents the CLI and the service return, built from the engine's ranking and
 * the explanations: {@link dev.dbpick.advice.Result} for a recommendation, and the why-not and
 * comparison answers. One {@link dev.dbpick.advice.Advisor} builds all of them, so every adapter
 * returns the same document.
 */
package dev.dbpick.advice;
