/** The event stream for analysts and downstream systems: the {@code events} subscription and the NDJSON export. */
package io.jangteo.graphql.stream;
