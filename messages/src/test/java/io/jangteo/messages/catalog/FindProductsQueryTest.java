package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FindProductsQueryTest {

    @ParameterizedTest
    @ValueSource(ints = {-1, FindProductsQuery.MAX_PAGE_SIZE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refusesAPageSizeOutOfBounds(int size) {
        assertThatIllegalArgumentException().isThrownBy(() -> forward(size, null))
                .withMessageContaining("page size");
        assertThatIllegalArgumentException().isThrownBy(() -> backward(size, null))
                .withMessageContaining("page size");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, FindProductsQuery.MAX_PAGE_SIZE})
    void acceptsAPageSizeWithinBounds(int size) {
        assertThat(forward(size, null).first()).isEqualTo(size);
        assertThat(backward(size, null).last()).isEqualTo(size);
    }

    @Test
    void refusesFirstAndLastTogether() {
        // a page cannot be read in both directions at once
        assertThatIllegalArgumentException().isThrownBy(() -> query(10, null, 10, null))
                .withMessageContaining("not both");
    }

    @Test
    void isBackwardWhenLastIsAsked() {
        assertThat(backward(5, "9").isBackward()).isTrue();
        assertThat(forward(5, "3").isBackward()).isFalse();
        assertThat(forward(0, null).isBackward()).isFalse();
    }

    @Test
    void anEmptyPageBeforeACursorIsStillBackward() {
        // asking for nothing before a cursor must look back from it, not forward from the start
        assertThat(backward(0, "7").isBackward()).isTrue();
        assertThat(forward(0, "7").isBackward()).isFalse();
    }

    @Test
    void factoriesLeaveTheOtherDirectionEmpty() {
        assertThat(forward(5, "3")).isEqualTo(query(5, "3", 0, null));
        assertThat(backward(5, "9")).isEqualTo(query(0, null, 5, "9"));
    }

    @Test
    void defaultsToTheWholeCatalogNewestFirst() {
        FindProductsQuery query = query(5, null, 0, null);
        assertThat(query.filter()).isEqualTo(ProductFilter.NONE);
        assertThat(query.sort()).isEqualTo(ProductSort.NEWEST);
    }

    private static FindProductsQuery query(int first, String after, int last, String before) {
        return new FindProductsQuery(null, null, first, after, last, before, Viewer.anonymous());
    }

    private static FindProductsQuery forward(int first, String after) {
        return query(first, after, 0, null);
    }

    private static FindProductsQuery backward(int last, String before) {
        return query(0, null, last, before);
    }
}
