package io.jangteo.graphql.support;

/** Relay's page info. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
