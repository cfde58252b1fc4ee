package io.photonfarm.api.work;

/**
 * What became of a result or failure a node reported for a unit.
 *
 * @param key     the unit
 * @param outcome {@code ACCEPTED} or {@code ALREADY_DONE} for a result; {@code RETRYING} or {@code FAILED}
 *                for a failure; a stale lease is answered with HTTP 409 instead
 */
public record UnitOutcome(WorkUnitKey key, String outcome) {
}
