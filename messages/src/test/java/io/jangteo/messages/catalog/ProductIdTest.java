package io.jangteo.messages.catalog;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ProductIdTest {

    @Test
    void randomIdsAreUnique() {
        // most of these fall into the same millisecond, so uniqueness rests on the random suffix
        Set<ProductId> ids = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(ProductId.random()));
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void randomIdsSortByCreationTimeAcrossMilliseconds() throws InterruptedException {
        ProductId earlier = ProductId.random();
        Thread.sleep(2);
        ProductId later = ProductId.random();

        // the catalog pages by comparing ids as strings, so the string order is what must hold
        assertThat(earlier.value()).isLessThan(later.value());
    }

    @Test
    void randomIdsAreFixedWidthLowerCaseHex() {
        // fixed width is what makes string order equal numeric order of the time prefix
        assertThat(ProductId.random().value()).matches("[0-9a-f]{28}");
    }

    @Test
    void refusesBlankOrOverlongIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProductId.of(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> ProductId.of("x".repeat(65)));
        assertThatNullPointerException().isThrownBy(() -> ProductId.of(null));
        assertThat(ProductId.of("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void printsAsItsValue() {
        assertThat(ProductId.of("p-1")).hasToString("p-1");
    }
}
