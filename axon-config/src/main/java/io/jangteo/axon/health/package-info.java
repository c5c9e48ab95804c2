/** Health indicators of the event store and the read store. */
package io.jangteo.axon.health;
