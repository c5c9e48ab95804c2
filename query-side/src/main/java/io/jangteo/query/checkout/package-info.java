/** Order quotes for checkout: today's prices, stock, shipping, coupon and points, priced by the one order pricing rule. */
package io.jangteo.query.checkout;
