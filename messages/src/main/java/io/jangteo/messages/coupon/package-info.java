/** Coupons: their terms (a pure discount rule both sides use), issuance, redemption by orders and restoration. */
package io.jangteo.messages.coupon;
