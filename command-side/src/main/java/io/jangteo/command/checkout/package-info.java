/** Checkout (the saga from a placed order to its payment): holds stock, points and coupon for an order, and gives them back when the order does not go through. */
package io.jangteo.command.checkout;
