package io.jangteo.query.cart;

import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemAdded;
import io.jangteo.messages.cart.CartItemQuantityChanged;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.query.history.ErasedMembers;
import io.jangteo.query.history.PointInTime;
import io.jangteo.query.history.ScratchReadStore;
import io.jangteo.query.shared.DomainEventFeed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

class CartChangesTest {

    private static final CartId CART = CartId.of("cart-m-1");
    private static final MemberId MEMBER = MemberId.of("m-1");

    @Test
    void eachCartEventChangedTheLineItTouched() {
        try (ScratchReadStore scratch = new ScratchReadStore();
             PointInTime pointInTime = new PointInTime(scratch, ErasedMembers.NONE)) {
            List<DomainEventMessage<?>> events = List.of(
                    cart(0, new CartItemAdded(CART, MEMBER, ProductId.of("p-1"), VariantId.DEFAULT, 1, 1)),
                    cart(1, new CartItemAdded(CART, MEMBER, ProductId.of("p-2"), VariantId.DEFAULT, 2, 2)),
                    cart(2, new CartItemQuantityChanged(CART, MEMBER, ProductId.of("p-1"), VariantId.DEFAULT, 1, 3)));
            pointInTime.store(events);

            Map<String, List<FieldChange>> changes = pointInTime.changes().changedBy(events.subList(1, 3));

            assertThat(changes.get(events.get(2).getIdentifier()))
                    .containsExactly(new FieldChange("items[0].quantity", "1", "3", false));
            assertThat(changes.get(events.get(1).getIdentifier())).extracting(FieldChange::field)
                    .allMatch(field -> field.startsWith("items[1]."))
                    .contains("items[1].productId", "items[1].quantity");
        }
    }

    private static DomainEventMessage<?> cart(long sequence, Object event) {
        return DomainEventFeed.message("Cart", CART.value(), sequence, event, at(sequence));
    }
}
