/** What every GraphQL area shares: user errors, cursors, scalars, limits, error mapping, read-your-writes. */
package io.jangteo.graphql.support;
