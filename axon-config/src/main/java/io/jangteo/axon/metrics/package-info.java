/** Metrics of the command bus and the event store, published on the Prometheus endpoint. */
package io.jangteo.axon.metrics;
