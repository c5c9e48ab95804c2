package io.jangteo.messages.analytics;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Sales figures for the filter, one row per combination of the {@code groupBy} dimensions (none: one row, the
 * totals). As a subscription query its updates are {@link SalesStatsRow}s of one day at the same grouping.
 * {@code groupBy} is kept sorted and without repeats, so equal questions are equal queries.
 */
public record FindSalesStatsQuery(SalesStatsFilter filter, List<SalesDimension> groupBy) {

    public FindSalesStatsQuery {
        Objects.requireNonNull(filter, "filter");
        EnumSet<SalesDimension> dimensions = EnumSet.noneOf(SalesDimension.class);
        if (groupBy != null) {
            groupBy.forEach(dimension -> dimensions.add(Objects.requireNonNull(dimension, "groupBy")));
        }
        groupBy = List.copyOf(dimensions);
    }

    public boolean groups(SalesDimension dimension) {
        return groupBy.contains(dimension);
    }
}
