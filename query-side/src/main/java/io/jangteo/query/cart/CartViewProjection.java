package io.jangteo.query.cart;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemAdded;
import io.jangteo.messages.cart.CartItemQuantityChanged;
import io.jangteo.messages.cart.CartItemRemoved;
import io.jangteo.messages.cart.CartItemsOrdered;
import io.jangteo.messages.cart.CartLine;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.cart.CartsMerged;
import io.jangteo.messages.cart.FindCartQuery;
import io.jangteo.messages.cart.GuestCartMerged;
import io.jangteo.messages.cart.MergedCartLine;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.ChangeCounters;
import io.jangteo.query.shared.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cart read model ({@code carts}), one document per cart, version-guarded (see {@link VersionedDocuments}): a
 * cart's first event (sequence 0, whichever it is: a line added or a merge) creates its document, every later one
 * changes it, and a replay or a redelivery leaves it as it is. Every event moves the version the API waits for, and
 * subscribers of {@link FindCartQuery} receive each new view of their cart.
 */
@Component
@ProcessingGroup(CartViewProjection.PROCESSING_GROUP)
class CartViewProjection {

    static final String PROCESSING_GROUP = "cart-view";

    private final VersionedDocuments carts;
    private final QueryUpdateEmitter updateEmitter;

    CartViewProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter) {
        this.carts = new VersionedDocuments(CartDocument.collection(database), new ChangeCounters(database),
                PROCESSING_GROUP);
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(CartItemAdded event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        write(event.cartId(), event.memberId(), version, occurredAt,
                items -> put(items, event.productId(), event.variantId(), event.quantity(), occurredAt));
    }

    @EventHandler
    void on(CartItemQuantityChanged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        write(event.cartId(), event.memberId(), version, occurredAt,
                items -> put(items, event.productId(), event.variantId(), event.quantity(), occurredAt));
    }

    @EventHandler
    void on(CartItemRemoved event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        write(event.cartId(), event.memberId(), version, occurredAt,
                items -> items.removeIf(item -> CartDocument.isLine(item, event.productId(), event.variantId())));
    }

    @EventHandler
    void on(CartsMerged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        write(event.cartId(), event.memberId(), version, occurredAt, items -> {
            for (MergedCartLine line : event.lines()) {
                put(items, line.productId(), line.variantId(), line.quantity(), occurredAt);
            }
        });
    }

    @EventHandler
    void on(GuestCartMerged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        // the guest cart's own member is none: the member named in the event is the one who took its lines
        write(event.cartId(), null, version, occurredAt, List::clear);
    }

    @EventHandler
    void on(CartItemsOrdered event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        write(event.cartId(), event.memberId(), version, occurredAt, items -> {
            for (CartLine line : event.lines()) {
                items.removeIf(item -> CartDocument.isLine(item, line.productId(), line.variantId()));
            }
        });
    }

    @ResetHandler
    void reset() {
        carts.reset();
    }

    /** A line's new quantity in place, or a new line at the end, first added now. */
    private static void put(List<Document> items, ProductId productId, VariantId variantId, long quantity,
                            Instant occurredAt) {
        for (Document item : items) {
            if (CartDocument.isLine(item, productId, variantId)) {
                item.put(CartDocument.QUANTITY, quantity);
                return;
            }
        }
        items.add(CartDocument.item(productId, variantId, quantity, occurredAt));
    }

    private void write(CartId cartId, MemberId memberId, long version, Instant occurredAt,
                       Consumer<List<Document>> change) {
        String id = cartId.value();
        Document written;
        if (version == 0) {
            written = carts.create(id, version, sequence -> edited(CartDocument.empty(memberId), occurredAt, change));
        } else {
            written = carts.change(id, version, document -> edited(document, occurredAt, change));
        }
        if (written != null) {
            CartView view = CartDocument.toView(written);
            updateEmitter.emit(FindCartQuery.class, query -> query.cartId().equals(cartId), view);
        }
    }

    private static Document edited(Document cart, Instant occurredAt, Consumer<List<Document>> change) {
        List<Document> items = CartDocument.items(cart);
        change.accept(items);
        return cart.append(CartDocument.ITEMS, items).append(CartDocument.UPDATED_AT, BsonValues.millis(occurredAt));
    }
}
