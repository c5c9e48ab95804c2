/** Carts: a member's or a guest's server-side list of variants to buy, merged into the member's on login. */
package io.jangteo.messages.cart;
