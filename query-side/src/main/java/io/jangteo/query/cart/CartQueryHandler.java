package io.jangteo.query.cart;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.cart.FindCartQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** Carts by id: one lookup by {@code _id}. Who may read which cart is the API's decision. */
@Component
class CartQueryHandler {

    private final MongoCollection<Document> carts;

    CartQueryHandler(MongoDatabase database) {
        this.carts = CartDocument.collection(database);
    }

    @QueryHandler
    Optional<CartView> find(FindCartQuery query) {
        return Optional.ofNullable(carts.find(eq("_id", query.cartId().value())).first()).map(CartDocument::toView);
    }
}
