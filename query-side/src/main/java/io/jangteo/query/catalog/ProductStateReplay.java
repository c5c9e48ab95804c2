package io.jangteo.query.catalog;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.query.history.StateReplay;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * A product at an instant, made by {@link ProductCatalogProjection} itself. Its view says the shop is not active; the
 * caller takes that from the shop's own state at the same instant.
 */
@Component
public final class ProductStateReplay implements StateReplay<ProductView> {

    private static final Set<String> BOOKKEEPING = Set.of(VersionedDocuments.VERSION, VersionedDocuments.CHANGE_SEQ,
            ProductDocument.POSITION, ProductDocument.UPDATED_AT);

    @Override
    public Set<String> aggregateTypes() {
        return Set.of("Product");
    }

    /** The directory is only asked when a live subscriber waits, which never happens here: a scratch one will do. */
    @Override
    public Object projection(MongoDatabase scratch) {
        return new ProductCatalogProjection(scratch, new SellerDirectory(scratch), NOWHERE);
    }

    @Override
    public Document read(MongoDatabase scratch, String stateId) {
        return ProductDocument.collection(scratch).find(eq("_id", stateId)).first();
    }

    @Override
    public Set<String> bookkeeping() {
        return BOOKKEEPING;
    }

    @Override
    public ProductView view(Document state, Instant asOf) {
        return ProductDocument.toView(state, false);
    }
}
