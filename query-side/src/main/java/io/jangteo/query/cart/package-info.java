/** The cart read model: each cart's lines as its events left them, looked up by cart id. */
package io.jangteo.query.cart;
