/** Streams stored and then live events to analysts and downstream systems, straight from the event store. */
package io.jangteo.query.stream;
