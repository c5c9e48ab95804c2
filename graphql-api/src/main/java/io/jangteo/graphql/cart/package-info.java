/** The cart API: the cart query, its priced lines, quote and coupons, the cart mutations and the guest-cart merge. */
package io.jangteo.graphql.cart;
