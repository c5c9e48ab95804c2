/** Sales analytics over GraphQL: figures by day, seller and category, and their live updates, for staff and sellers. */
package io.jangteo.graphql.analytics;
