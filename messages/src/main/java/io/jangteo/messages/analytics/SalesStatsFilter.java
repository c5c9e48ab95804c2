package io.jangteo.messages.analytics;

import io.jangteo.messages.seller.SellerId;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Which sales to count: business days {@code fromDay} to {@code toDay}, both included, as calendar days in the
 * marketplace's business time zone ({@link #BUSINESS_ZONE_DEFAULT} unless configured otherwise), so "3 March" means
 * a Korean seller's 3 March, not UTC's; optionally one seller's shop and one category. At most {@link #MAX_DAYS}
 * days, which bounds what one question reads.
 */
public record SalesStatsFilter(LocalDate fromDay, LocalDate toDay, SellerId sellerId, String categoryId) {

    public static final int MAX_DAYS = 366;
    public static final String BUSINESS_ZONE_DEFAULT = "Asia/Seoul";

    public SalesStatsFilter {
        Objects.requireNonNull(fromDay, "fromDay");
        Objects.requireNonNull(toDay, "toDay");
        if (toDay.isBefore(fromDay)) {
            throw new IllegalArgumentException("toDay must not be before fromDay");
        }
        if (ChronoUnit.DAYS.between(fromDay, toDay) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a sales period spans at most " + MAX_DAYS + " days");
        }
        if (categoryId != null && categoryId.isBlank()) {
            categoryId = null;
        }
    }

    public boolean covers(LocalDate day, String seller, String category) {
        return !day.isBefore(fromDay) && !day.isAfter(toDay)
                && (sellerId == null || sellerId.value().equals(seller))
                && (categoryId == null || categoryId.equals(category));
    }
}
