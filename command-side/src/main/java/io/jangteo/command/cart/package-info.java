/** Carts: a member's or a guest's lines to buy, their merge on sign-in, and their emptying when an order is placed. */
package io.jangteo.command.cart;
