/** The order API: checkout (quote, placement with idempotency keys), the order's lifecycle mutations, order queries and their live updates. */
package io.jangteo.graphql.order;
