/** Metrics of the GraphQL API beyond Spring's request timer: errors by code and operation type. */
package io.jangteo.graphql.metrics;
