package io.jangteo.graphql.cart;

import io.jangteo.graphql.cart.CartItemNode.UnavailableReason;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemView;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantView;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.Viewer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a cart line shows of the catalog, and why a line cannot be bought. */
class CartItemsTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final Viewer CUSTOMER = new Viewer(ActorRole.CUSTOMER, "member-1", null);

    static ProductView product(String id, ProductStatus status, boolean sellerActive, VariantView... variants) {
        return new ProductView(id, "s-1", "녹차", "", null, "cat-1", List.of(), status, Money.won(12_000),
                Money.won(12_000), Money.won(20_000), List.of(), List.of(variants), List.of(), true, sellerActive, 3,
                T0, T0);
    }

    static VariantView variant(String id, long price, VariantStatus status, long available) {
        return new VariantView(id, "SKU-" + id, List.of(id), Money.won(price - 12_000), Money.won(price), 300, status,
                available + 2, 2, available);
    }

    static CartItemView line(String productId, String variantId, long quantity) {
        return new CartItemView(ProductId.of(productId), VariantId.of(variantId), quantity, T0);
    }

    private static CartItemNode item(ProductView product, String variantId, long quantity) {
        return CartItems.item(line("p-1", variantId, quantity), product, CUSTOMER);
    }

    @Test
    void aPurchasableLineShowsItsCurrentPriceAndStock() {
        ProductView tea = product("p-1", ProductStatus.ON_SALE, true, variant("50g", 12_000, VariantStatus.ACTIVE, 10));

        CartItemNode item = item(tea, "50g", 3);

        assertThat(item).isEqualTo(new CartItemNode("p-1", "50g", tea, "녹차", List.of("50g"), "SKU-50g", "s-1",
                "cat-1", Money.won(12_000), Money.won(36_000), 3, 10L, true, null, T0));
    }

    @Test
    void eachRuleThatStopsAPurchaseIsNamed() {
        VariantView active = variant("50g", 12_000, VariantStatus.ACTIVE, 10);
        assertThat(item(product("p-1", ProductStatus.DISCONTINUED, true, active), "50g", 1).unavailableReason())
                .isEqualTo(UnavailableReason.DISCONTINUED);
        assertThat(item(product("p-1", ProductStatus.HIDDEN, true, active), "50g", 1).unavailableReason())
                .isEqualTo(UnavailableReason.HIDDEN);
        assertThat(item(product("p-1", ProductStatus.ON_SALE, false, active), "50g", 1).unavailableReason())
                .isEqualTo(UnavailableReason.SHOP_UNAVAILABLE);
        assertThat(item(product("p-1", ProductStatus.ON_SALE, true,
                variant("50g", 12_000, VariantStatus.INACTIVE, 10)), "50g", 1).unavailableReason())
                .isEqualTo(UnavailableReason.VARIANT_UNAVAILABLE);
        assertThat(item(product("p-1", ProductStatus.SOLD_OUT, true,
                variant("50g", 12_000, VariantStatus.ACTIVE, 0)), "50g", 1).unavailableReason())
                .isEqualTo(UnavailableReason.SOLD_OUT);
        CartItemNode tooMany = item(product("p-1", ProductStatus.ON_SALE, true, active), "50g", 11);
        assertThat(tooMany.unavailableReason()).isEqualTo(UnavailableReason.NOT_ENOUGH_STOCK);
        assertThat(tooMany.purchasable()).isFalse();
        assertThat(tooMany.availableStock()).isEqualTo(10L);
        assertThat(item(product("p-1", ProductStatus.ON_SALE, true, active), "50g", 10).purchasable()).isTrue();
    }

    @Test
    void aHiddenProductStillShowsWhatWasPutInTheCartButNotAsAProductToOpen() {
        CartItemNode item = item(product("p-1", ProductStatus.HIDDEN, true,
                variant("50g", 12_000, VariantStatus.ACTIVE, 10)), "50g", 1);

        assertThat(item.name()).isEqualTo("녹차");
        assertThat(item.unitPrice()).isEqualTo(Money.won(12_000));
        assertThat(item.product()).isNull();
    }

    @Test
    void aMissingProductADraftOrAMissingVariantAnswersNotFoundWithoutDetailsOfTheDraft() {
        CartItemNode missing = CartItems.item(line("p-9", "50g", 1), null, CUSTOMER);
        CartItemNode draft = item(product("p-1", ProductStatus.DRAFT, true,
                variant("50g", 12_000, VariantStatus.ACTIVE, 10)), "50g", 1);
        CartItemNode noVariant = item(product("p-1", ProductStatus.ON_SALE, true,
                variant("50g", 12_000, VariantStatus.ACTIVE, 10)), "1kg", 1);

        for (CartItemNode item : List.of(missing, draft, noVariant)) {
            assertThat(item.unavailableReason()).isEqualTo(UnavailableReason.NOT_FOUND);
            assertThat(item.unitPrice()).isNull();
            assertThat(item.quantity()).isEqualTo(1);
        }
        assertThat(draft.name()).isNull();
        assertThat(noVariant.name()).isEqualTo("녹차");
    }

    @Test
    void theTotalCountsPurchasableLinesOnly() {
        ProductView tea = product("p-1", ProductStatus.ON_SALE, true, variant("50g", 12_000, VariantStatus.ACTIVE, 10),
                variant("100g", 20_000, VariantStatus.ACTIVE, 1));
        CartView cart = new CartView(CartId.ofGuest("AAAAAAAAAAAAAAAAAAAAAA"), null,
                List.of(line("p-1", "50g", 2), line("p-1", "100g", 2), line("p-1", "1kg", 1)), T0, 2);

        List<CartItemNode> items = CartItems.of(cart, Map.of("p-1", tea), CUSTOMER);

        assertThat(items).extracting(CartItemNode::purchasable).containsExactly(true, false, false);
        assertThat(CartItems.itemsTotal(items)).isEqualTo(Money.won(24_000));
        assertThat(CartItems.itemsTotal(items.subList(1, 3))).isNull();
    }
}
