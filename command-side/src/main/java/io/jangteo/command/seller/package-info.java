/** Seller shops (입점사): registration and review, suspension, profile and shipping-fee policy, and their rules. */
package io.jangteo.command.seller;
