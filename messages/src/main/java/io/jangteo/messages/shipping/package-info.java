/** Shipping-fee policies and the one fee calculator both the storefront quote and orders use. */
package io.jangteo.messages.shipping;
