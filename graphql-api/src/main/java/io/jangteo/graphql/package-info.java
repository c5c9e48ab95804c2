/** The Spring Boot application serving the GraphQL API. */
package io.jangteo.graphql;
