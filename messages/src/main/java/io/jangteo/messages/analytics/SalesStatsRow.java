package io.jangteo.messages.analytics;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;

import java.time.LocalDate;

/**
 * Sales figures of one group: {@code day}, {@code sellerId} and {@code categoryId} are set for the dimensions grouped
 * by and null otherwise. {@code orders} counts paid orders with a line in the group, once each; {@code itemsSold}
 * their units; {@code gross} the lines' pay amounts (item amount after the line's coupon and points shares, without
 * shipping) on the day of payment; {@code refunds} the item money given back on the day of the refund (without
 * shipping, before return fees); {@code net} = gross − refunds.
 */
public record SalesStatsRow(LocalDate day, SellerId sellerId, String categoryId, long orders, long itemsSold,
                            Money gross, Money refunds, Money net) {
}
