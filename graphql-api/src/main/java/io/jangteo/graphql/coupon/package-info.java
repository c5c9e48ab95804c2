/** The coupon API: issuing and withdrawing coupons, and who may read them. */
package io.jangteo.graphql.coupon;
