/** The coupon read model: each coupon's terms, status and redemptions, and how many orders of a member hold it now. */
package io.jangteo.query.coupon;
