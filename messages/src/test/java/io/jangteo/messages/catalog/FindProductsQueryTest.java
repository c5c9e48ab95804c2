package io.jangteo.messages.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FindProductsQueryTest {

    @ParameterizedTest
    @ValueSource(ints = {-1, FindProductsQuery.MAX_PAGE_SIZE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refusesAPageSizeOutOfBounds(int size) {
        assertThatIllegalArgumentException().isThrownBy(() -> FindProductsQuery.forward(size, null))
                .withMessageContaining("page size");
        assertThatIllegalArgumentException().isThrownBy(() -> FindProductsQuery.backward(size, null))
                .withMessageContaining("page size");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, FindProductsQuery.MAX_PAGE_SIZE})
    void acceptsAPageSizeWithinBounds(int size) {
        assertThat(FindProductsQuery.forward(size, null).first()).isEqualTo(size);
        assertThat(FindProductsQuery.backward(size, null).last()).isEqualTo(size);
    }

    @Test
    void refusesFirstAndLastTogether() {
        // a page cannot be read in both directions at once
        assertThatIllegalArgumentException().isThrownBy(() -> new FindProductsQuery(10, null, 10, null))
                .withMessageContaining("not both");
    }

    @Test
    void isBackwardWhenLastIsAsked() {
        assertThat(FindProductsQuery.backward(5, "9").isBackward()).isTrue();
        assertThat(FindProductsQuery.forward(5, "3").isBackward()).isFalse();
        assertThat(FindProductsQuery.forward(0, null).isBackward()).isFalse();
    }

    @Test
    void anEmptyPageBeforeACursorIsStillBackward() {
        // asking for nothing before a cursor must look back from it, not forward from the start
        assertThat(FindProductsQuery.backward(0, "7").isBackward()).isTrue();
        assertThat(FindProductsQuery.forward(0, "7").isBackward()).isFalse();
    }

    @Test
    void factoriesLeaveTheOtherDirectionEmpty() {
        assertThat(FindProductsQuery.forward(5, "3")).isEqualTo(new FindProductsQuery(5, "3", 0, null));
        assertThat(FindProductsQuery.backward(5, "9")).isEqualTo(new FindProductsQuery(0, null, 5, "9"));
    }
}
