/** Metrics of the message buses and event processors, published on the Prometheus endpoint. */
package io.jangteo.axon.metrics;
