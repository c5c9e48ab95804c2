/** Shipping quotes for a cart: the catalog's prices and weights, the sellers' current policies, one fee calculator. */
package io.jangteo.query.shipping;
