/** Coupons (쿠폰): who may issue and withdraw them, and their use by orders, given back when an order does not go through. */
package io.jangteo.command.coupon;
