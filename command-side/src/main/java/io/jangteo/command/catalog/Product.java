package io.jangteo.command.catalog;

import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.RenameProduct;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product of one seller shop. Command handlers return the product's version (the sequence number of its last
 * event) so that the API can wait until the read model has caught up with exactly this change.
 */
@Aggregate
public class Product {

    @AggregateIdentifier
    private ProductId productId;
    private SellerId sellerId;
    private String name;
    private long version;

    protected Product() {
        // for Axon
    }

    @CommandHandler
    Product(CreateProduct command,
            @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
            @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        ProductAccessPolicy.assertMayManage(command.sellerId(), actorRole, actorSellerId);
        ProductRules.assertValidName(command.name());
        ProductRules.assertValidPrice(command.basePrice());
        apply(new ProductCreated(command.productId(), command.sellerId(), command.name().strip(), "", null, null,
                java.util.List.of(), command.basePrice(), java.util.List.of(),
                java.util.List.of(new io.jangteo.messages.catalog.ProductVariant(io.jangteo.messages.catalog.VariantId.DEFAULT,
                        null, java.util.List.of(), io.jangteo.messages.shared.Money.of(0, command.basePrice().currency()), 0,
                        io.jangteo.messages.catalog.VariantStatus.ACTIVE))));
    }

    @CommandHandler
    long handle(RenameProduct command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        ProductAccessPolicy.assertMayManage(sellerId, actorRole, actorSellerId);
        ProductRules.assertValidName(command.name());
        String newName = command.name().strip();
        if (!newName.equals(name)) {
            apply(new ProductRenamed(productId, sellerId, name, newName));
        }
        return version;
    }

    @EventSourcingHandler
    void on(ProductCreated event, @SequenceNumber long sequenceNumber) {
        productId = event.productId();
        sellerId = event.sellerId();
        name = event.name();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductRenamed event, @SequenceNumber long sequenceNumber) {
        name = event.name();
        version = sequenceNumber;
    }
}
