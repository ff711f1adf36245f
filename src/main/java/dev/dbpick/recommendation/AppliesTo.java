package dev.dbpick.recommendation;

/**
 * What a hard constraint or a score line holds for in a whole data layer ({@code purpose: stack}),
 * where a pick (an ORM, a toolkit, a caching layer) runs on a driver: the pick and its driver
 * alike (a licence, an install need, the driver's own speed), or the pick alone (a schema-migration
 * tool and a typed API are the business of the library the code is written against, not of the
 * driver under it). Rules say which; outside a whole data layer it changes nothing.
 */
public enum AppliesTo {
    /** The pick and the driver it runs on. */
    PICK_AND_DRIVER,
    /** The pick alone: the driver under a pick is not held to it, nor scored by it. */
    PICK
}
