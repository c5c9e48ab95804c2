/** Seller shops, their shipping-fee policies and shipping quotes over GraphQL. */
package io.jangteo.graphql.seller;
