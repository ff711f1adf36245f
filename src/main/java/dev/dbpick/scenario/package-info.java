/**
 * Scenario tests of the knowledge ({@code rules/scenarios/*.yaml}): reading them and checking a ranking against their expectations.
 */
package dev.dbpick.scenario;
