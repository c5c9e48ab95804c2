/** GraphQL for the catalog. */
package io.jangteo.graphql.catalog;
