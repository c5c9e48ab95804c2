/** Seller shops (입점사): registration, approval, suspension, profile and shipping-fee policy — commands, events, queries. */
package io.jangteo.messages.seller;
