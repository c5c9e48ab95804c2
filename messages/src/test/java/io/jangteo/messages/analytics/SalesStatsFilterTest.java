package io.jangteo.messages.analytics;

import io.jangteo.messages.seller.SellerId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesStatsFilterTest {

    private static final LocalDate JAN_1 = LocalDate.parse("2024-01-01");

    @Test
    void aPeriodSpansAtMost366DaysCountingBothEnds() {
        // 2024 is a leap year: 1 January to 31 December is 366 days
        assertThat(new SalesStatsFilter(JAN_1, JAN_1.plusDays(365), null, null).toDay())
                .isEqualTo(LocalDate.parse("2024-12-31"));
        assertThatThrownBy(() -> new SalesStatsFilter(JAN_1, JAN_1.plusDays(366), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("366");
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new SalesStatsFilter(JAN_1, JAN_1.minusDays(1), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coversOnlyItsDaysShopAndCategory() {
        SalesStatsFilter filter = new SalesStatsFilter(JAN_1, JAN_1.plusDays(1), SellerId.of("s-1"), "c-1");
        assertThat(filter.covers(JAN_1.plusDays(1), "s-1", "c-1")).isTrue();
        assertThat(filter.covers(JAN_1.plusDays(2), "s-1", "c-1")).isFalse();
        assertThat(filter.covers(JAN_1, "s-2", "c-1")).isFalse();
        assertThat(filter.covers(JAN_1, "s-1", "c-2")).isFalse();
    }

    @Test
    void equalQuestionsAreEqualQueriesWhateverTheOrderOfGroupBy() {
        SalesStatsFilter filter = new SalesStatsFilter(JAN_1, JAN_1, null, " ");
        assertThat(filter.categoryId()).isNull();
        assertThat(new FindSalesStatsQuery(filter, List.of(SalesDimension.SELLER, SalesDimension.DAY,
                SalesDimension.SELLER)))
                .isEqualTo(new FindSalesStatsQuery(filter, List.of(SalesDimension.DAY, SalesDimension.SELLER)));
        assertThat(new FindSalesStatsQuery(filter, null).groupBy()).isEmpty();
        assertThatThrownBy(() -> new FindSalesStatsQuery(filter, Arrays.asList(SalesDimension.DAY, null)))
                .isInstanceOf(NullPointerException.class);
    }
}
