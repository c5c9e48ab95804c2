package io.jangteo.query.cart;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemView;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a cart document in the {@code carts} collection: {@code _id} the cart id, {@code items} its lines in
 * the order first added. A cart is small (at most a hundred lines), read whole and by id only.
 */
final class CartDocument {

    static final String COLLECTION = "carts";
    static final String MEMBER_ID = "memberId";
    static final String ITEMS = "items";
    static final String UPDATED_AT = "updatedAt";
    static final String PRODUCT_ID = "productId";
    static final String VARIANT_ID = "variantId";
    static final String QUANTITY = "quantity";
    static final String ADDED_AT = "addedAt";

    private CartDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }

    static Document empty(MemberId memberId) {
        return new Document(MEMBER_ID, memberId == null ? null : memberId.value()).append(ITEMS, List.of());
    }

    /** The lines as mutable copies, for a change to edit. */
    static List<Document> items(Document cart) {
        List<Document> items = new ArrayList<>();
        for (Document item : BsonValues.documents(cart, ITEMS, item -> item)) {
            items.add(new Document(item));
        }
        return items;
    }

    static Document item(ProductId productId, VariantId variantId, long quantity, Instant addedAt) {
        return new Document(PRODUCT_ID, productId.value()).append(VARIANT_ID, variantId.value())
                .append(QUANTITY, quantity).append(ADDED_AT, BsonValues.millis(addedAt));
    }

    static boolean isLine(Document item, ProductId productId, VariantId variantId) {
        return productId.value().equals(item.getString(PRODUCT_ID)) && variantId.value().equals(item.getString(VARIANT_ID));
    }

    static CartView toView(Document cart) {
        String memberId = cart.getString(MEMBER_ID);
        List<CartItemView> items = BsonValues.documents(cart, ITEMS, item -> new CartItemView(
                ProductId.of(item.getString(PRODUCT_ID)), VariantId.of(item.getString(VARIANT_ID)),
                BsonValues.number(item, QUANTITY), BsonValues.instant(item, ADDED_AT)));
        return new CartView(CartId.of(cart.getString("_id")), memberId == null ? null : MemberId.of(memberId), items,
                BsonValues.instant(cart, UPDATED_AT), BsonValues.number(cart, VersionedDocuments.VERSION));
    }
}
