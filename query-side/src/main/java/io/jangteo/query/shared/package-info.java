/** What every read model of the query side shares: change counters and the BSON shapes of shared value objects. */
package io.jangteo.query.shared;
