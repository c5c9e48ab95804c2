/** The operators' view of the event processors: status, read-model rebuilds and dead letters, for admins only. */
package io.jangteo.graphql.operations;
