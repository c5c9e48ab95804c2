package io.jangteo.messages.analytics;

import java.util.List;

/** The rows of a {@link FindSalesStatsQuery}, ordered by day, seller and category, and the totals over all of them. */
public record SalesStatsView(List<SalesStatsRow> rows, SalesStatsRow totals) {
    public SalesStatsView {
        rows = List.copyOf(rows);
    }
}
