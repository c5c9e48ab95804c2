/**
 * What every read model of the query side shares: change counters, the BSON shapes of shared value objects, and how a
 * stored event shows in a history.
 */
package io.jangteo.query.shared;
