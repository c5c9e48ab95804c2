package io.jangteo.command.catalog;

import io.jangteo.command.catalog.MediaRules.DuplicateMedia;
import io.jangteo.command.catalog.MediaRules.UnknownMedia;
import io.jangteo.command.catalog.ProductLifecycle.UnknownVariant;
import io.jangteo.command.catalog.StockRules.ReservationAlreadyCommitted;
import io.jangteo.command.catalog.StockRules.ReservationAlreadyReleased;
import io.jangteo.command.catalog.StockRules.ReservationIdReused;
import io.jangteo.command.catalog.StockRules.UnknownReservation;
import io.jangteo.command.catalog.StockRules.VariantNotActive;
import io.jangteo.messages.catalog.AddVariant;
import io.jangteo.messages.catalog.AdjustStock;
import io.jangteo.messages.catalog.AttachMedia;
import io.jangteo.messages.catalog.BasePriceChanged;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.ChangeBasePrice;
import io.jangteo.messages.catalog.ChangeVariant;
import io.jangteo.messages.catalog.ChangeVariantStatus;
import io.jangteo.messages.catalog.CommitStock;
import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.DescribeProduct;
import io.jangteo.messages.catalog.DetachMedia;
import io.jangteo.messages.catalog.DiscontinueProduct;
import io.jangteo.messages.catalog.HideProduct;
import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaDetached;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaProcessed;
import io.jangteo.messages.catalog.MediaProcessingFailed;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductBackInStock;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductDescribed;
import io.jangteo.messages.catalog.ProductDiscontinued;
import io.jangteo.messages.catalog.ProductHidden;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPublished;
import io.jangteo.messages.catalog.ProductRecategorized;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.ProductSoldOut;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.PublishProduct;
import io.jangteo.messages.catalog.RecategorizeProduct;
import io.jangteo.messages.catalog.ReceiveStock;
import io.jangteo.messages.catalog.RecordMediaProcessed;
import io.jangteo.messages.catalog.RecordMediaProcessingFailed;
import io.jangteo.messages.catalog.ReleaseStock;
import io.jangteo.messages.catalog.RenameProduct;
import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.catalog.StockAdjusted;
import io.jangteo.messages.catalog.StockCommitted;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.catalog.StockReleased;
import io.jangteo.messages.catalog.StockReserved;
import io.jangteo.messages.catalog.VariantAdded;
import io.jangteo.messages.catalog.VariantChanged;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantSpec;
import io.jangteo.messages.catalog.VariantStatusChanged;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product of one seller shop: its description, variants, stock, status and media. Command handlers return the
 * product's version (the sequence number of its last event, also when nothing changed) so that the API can wait until
 * the read model has caught up with exactly this change.
 * <p>
 * Every handler checks access first, then the status, then the input: an outsider learns nothing about the product
 * from the error it gets.
 */
@Aggregate(cache = "aggregateCache")
public class Product {

    private static final String INITIAL_STOCK = "initial stock";

    @AggregateIdentifier
    private ProductId productId;
    private SellerId sellerId;
    private String name;
    private String description;
    private String brand;
    private CategoryId categoryId;
    private List<String> tags;
    private Money basePrice;
    private List<OptionAxis> options;
    private final Map<VariantId, Variant> variants = new LinkedHashMap<>();
    private final Map<ReservationId, Reservation> reservations = new HashMap<>();
    private final Map<MediaId, MediaStatus> media = new LinkedHashMap<>();
    /** Detached media stay here: processing of a detached file may still report, and must not hit a newcomer. */
    private final Set<MediaId> everAttached = new HashSet<>();
    private ProductStatus status;
    private long version;

    protected Product() {
        // for Axon
    }

    @CommandHandler
    Product(CreateProduct command,
            @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
            @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        ProductAccessPolicy.assertMayManage(command.sellerId(), actorRole, actorSellerId);
        String validName = ProductRules.validName(command.name());
        String validDescription = ProductRules.validDescription(command.description());
        String validBrand = ProductRules.validBrand(command.brand());
        List<String> validTags = ProductRules.validTags(command.tags());
        ProductRules.assertValidBasePrice(command.basePrice());
        List<OptionAxis> validOptions = VariantRules.validOptions(command.options());
        List<ProductVariant> initialVariants =
                VariantRules.initialVariants(validOptions, command.variants(), command.basePrice());

        apply(new ProductCreated(command.productId(), command.sellerId(), validName, validDescription, validBrand,
                command.categoryId(), validTags, command.basePrice(), validOptions, initialVariants));
        // applied events reach the state only after the constructor, so the levels are the spec's, not the state's
        for (int i = 0; i < command.variants().size(); i++) {
            long initialStock = command.variants().get(i).initialStock();
            if (initialStock > 0) {
                apply(new StockReceived(command.productId(), command.sellerId(), initialVariants.get(i).variantId(),
                        initialStock, INITIAL_STOCK, initialStock, 0));
            }
        }
    }

    @CommandHandler
    long handle(RenameProduct command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        String newName = ProductRules.validName(command.name());
        if (!newName.equals(name)) {
            apply(new ProductRenamed(productId, sellerId, name, newName));
        }
        return version;
    }

    @CommandHandler
    long handle(DescribeProduct command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        String newDescription = ProductRules.validDescription(command.description());
        String newBrand = ProductRules.validBrand(command.brand());
        List<String> newTags = ProductRules.validTags(command.tags());
        if (!newDescription.equals(description) || !Objects.equals(newBrand, brand) || !newTags.equals(tags)) {
            apply(new ProductDescribed(productId, sellerId, newDescription, newBrand, newTags));
        }
        return version;
    }

    @CommandHandler
    long handle(RecategorizeProduct command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        if (!Objects.equals(command.categoryId(), categoryId)) {
            apply(new ProductRecategorized(productId, sellerId, categoryId, command.categoryId()));
        }
        return version;
    }

    @CommandHandler
    long handle(ChangeBasePrice command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        Money newBasePrice = command.basePrice();
        ProductRules.assertValidBasePrice(newBasePrice);
        if (!newBasePrice.currency().equals(basePrice.currency())) {
            // the deltas are in the old currency; converting them is a decision for a person, not for this handler
            throw new VariantRules.CurrencyMismatch(List.of("basePrice", "currency"), basePrice.currency());
        }
        for (Variant variant : variants.values()) {
            VariantRules.assertPriceable(variant.variantId, newBasePrice, variant.priceDelta, List.of("basePrice"));
        }
        if (!newBasePrice.equals(basePrice)) {
            apply(new BasePriceChanged(productId, sellerId, basePrice, newBasePrice));
        }
        return version;
    }

    @CommandHandler
    long handle(AddVariant command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        VariantSpec spec = command.variant();
        ProductVariant added = VariantRules.addedVariant(options, variants.values(), spec, basePrice);
        apply(new VariantAdded(productId, sellerId, added));
        if (spec.initialStock() > 0) {
            apply(new StockReceived(productId, sellerId, added.variantId(), spec.initialStock(), INITIAL_STOCK,
                    spec.initialStock(), 0));
        }
        reviewAvailability();
        return version;
    }

    @CommandHandler
    long handle(ChangeVariant command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        Variant variant = variant(command.variantId());
        List<String> otherSkus = variants.values().stream()
                .filter(other -> other != variant && other.sku != null)
                .map(other -> other.sku)
                .toList();
        String sku = VariantRules.validSku(command.sku(), otherSkus, List.of("sku"));
        VariantRules.assertPriceable(variant.variantId, basePrice, command.priceDelta(), List.of("priceDelta"));
        VariantRules.assertValidWeight(command.weightGrams(), List.of("weightGrams"));
        if (!Objects.equals(sku, variant.sku) || !command.priceDelta().equals(variant.priceDelta)
                || command.weightGrams() != variant.weightGrams) {
            apply(new VariantChanged(productId, sellerId, variant.variantId, sku, command.priceDelta(),
                    command.weightGrams()));
        }
        return version;
    }

    @CommandHandler
    long handle(ChangeVariantStatus command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        Variant variant = variant(command.variantId());
        if (variant.status != command.status()) {
            apply(new VariantStatusChanged(productId, sellerId, variant.variantId, command.status()));
            reviewAvailability();
        }
        return version;
    }

    @CommandHandler
    long handle(PublishProduct command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        if (!status.isListed()) {
            apply(new ProductPublished(productId, sellerId,
                    availableForSale() > 0 ? ProductStatus.ON_SALE : ProductStatus.SOLD_OUT));
        }
        return version;
    }

    @CommandHandler
    long handle(HideProduct command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        ProductLifecycle.assertMayBeHidden(status);
        if (status.isListed()) {
            apply(new ProductHidden(productId, sellerId));
        }
        return version;
    }

    @CommandHandler
    long handle(DiscontinueProduct command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        ProductAccessPolicy.assertMayManage(sellerId, actorRole, actorSellerId);
        if (status != ProductStatus.DISCONTINUED) {
            apply(new ProductDiscontinued(productId, sellerId));
        }
        return version;
    }

    @CommandHandler
    long handle(ReceiveStock command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        StockRules.assertQuantityInRange(command.quantity(), "quantity");
        String reason = StockRules.optionalReason(command.reason());
        Variant variant = variant(command.variantId());
        apply(new StockReceived(productId, sellerId, variant.variantId, command.quantity(), reason,
                variant.onHand + command.quantity(), variant.reserved));
        reviewAvailability();
        return version;
    }

    @CommandHandler
    long handle(AdjustStock command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        StockRules.assertNonZeroAdjustment(command.delta());
        String reason = StockRules.requiredReason(command.reason());
        Variant variant = variant(command.variantId());
        StockRules.assertAdjustmentKeepsReservations(variant, command.delta());
        apply(new StockAdjusted(productId, sellerId, variant.variantId, command.delta(), reason,
                variant.onHand + command.delta(), variant.reserved));
        reviewAvailability();
        return version;
    }

    @CommandHandler
    long handle(ReserveStock command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        StockRules.assertQuantityInRange(command.quantity(), "quantity");
        Reservation earlier = reservations.get(command.reservationId());
        if (earlier != null) {
            // a checkout retrying after a timeout must not hold the units twice, whatever happened since
            if (earlier.variantId().equals(command.variantId()) && earlier.quantity() == command.quantity()) {
                return version;
            }
            throw new ReservationIdReused(command.reservationId());
        }
        ProductLifecycle.assertOnSale(status);
        Variant variant = variant(command.variantId());
        if (!variant.isActive()) {
            throw new VariantNotActive(variant.variantId);
        }
        StockRules.assertPriceAsExpected(variant, basePrice.plus(variant.priceDelta), command.expectedUnitPrice());
        StockRules.assertAvailable(variant, command.quantity());
        apply(new StockReserved(productId, sellerId, variant.variantId, command.reservationId(), command.quantity(),
                variant.onHand, variant.reserved + command.quantity()));
        reviewAvailability();
        return version;
    }

    @CommandHandler
    long handle(ReleaseStock command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        // allowed on a discontinued product: units held by a checkout that failed must go back
        ProductAccessPolicy.assertMayManage(sellerId, actorRole, actorSellerId);
        Reservation reservation = reservations.get(command.reservationId());
        // a checkout may release what it never got (its reserve failed or never arrived)
        if (reservation == null || reservation.state() == Reservation.State.RELEASED) {
            return version;
        }
        if (reservation.state() == Reservation.State.COMMITTED) {
            throw new ReservationAlreadyCommitted(command.reservationId());
        }
        Variant variant = variants.get(reservation.variantId());
        apply(new StockReleased(productId, sellerId, variant.variantId, command.reservationId(),
                reservation.quantity(), variant.onHand, variant.reserved - reservation.quantity()));
        reviewAvailability();
        return version;
    }

    @CommandHandler
    long handle(CommitStock command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        // allowed on a discontinued product: a payment approved before the end is still a sale
        ProductAccessPolicy.assertMayManage(sellerId, actorRole, actorSellerId);
        Reservation reservation = reservations.get(command.reservationId());
        if (reservation == null) {
            throw new UnknownReservation(command.reservationId());
        }
        if (reservation.state() == Reservation.State.RELEASED) {
            throw new ReservationAlreadyReleased(command.reservationId());
        }
        if (reservation.state() == Reservation.State.RESERVED) {
            Variant variant = variants.get(reservation.variantId());
            apply(new StockCommitted(productId, sellerId, variant.variantId, command.reservationId(),
                    reservation.quantity(), variant.onHand - reservation.quantity(),
                    variant.reserved - reservation.quantity()));
            reviewAvailability();
        }
        return version;
    }

    @CommandHandler
    long handle(AttachMedia command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        if (everAttached.contains(command.mediaId())) {
            throw new DuplicateMedia(command.mediaId());
        }
        MediaRules.assertKindMatchesContentType(command.kind(), command.contentType());
        MediaRules.assertRoomForMore(media.size());
        apply(new MediaAttached(productId, sellerId, command.mediaId(), command.kind(), command.contentType(),
                command.sizeBytes(), command.sha256(), command.fileName(), command.storageKey()));
        return version;
    }

    @CommandHandler
    long handle(RecordMediaProcessed command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        ProductAccessPolicy.assertMayRecordProcessing(actorRole);
        // processing may finish after a detach, or report twice: only the first result for a present medium counts
        if (media.get(command.mediaId()) == MediaStatus.PENDING) {
            apply(new MediaProcessed(productId, sellerId, command.mediaId(), command.renditions(), command.video()));
        }
        return version;
    }

    @CommandHandler
    long handle(RecordMediaProcessingFailed command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        ProductAccessPolicy.assertMayRecordProcessing(actorRole);
        MediaRules.assertFailureStatus(command.status());
        if (media.get(command.mediaId()) == MediaStatus.PENDING) {
            apply(new MediaProcessingFailed(productId, sellerId, command.mediaId(), command.status(),
                    command.reason()));
        }
        return version;
    }

    @CommandHandler
    long handle(DetachMedia command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        assertMayChange(actorRole, actorSellerId);
        if (!media.containsKey(command.mediaId())) {
            throw new UnknownMedia(command.mediaId());
        }
        apply(new MediaDetached(productId, sellerId, command.mediaId()));
        return version;
    }

    private void assertMayChange(String actorRole, String actorSellerId) {
        ProductAccessPolicy.assertMayManage(sellerId, actorRole, actorSellerId);
        ProductLifecycle.assertNotDiscontinued(status);
    }

    private Variant variant(VariantId variantId) {
        Variant variant = variants.get(variantId);
        if (variant == null) {
            throw new UnknownVariant(variantId);
        }
        return variant;
    }

    private long availableForSale() {
        return variants.values().stream().filter(Variant::isActive).mapToLong(Variant::available).sum();
    }

    /** Called after every change of stock or of a variant's status; {@code apply} has already updated the state. */
    private void reviewAvailability() {
        long available = availableForSale();
        if (status == ProductStatus.ON_SALE && available == 0) {
            apply(new ProductSoldOut(productId, sellerId));
        } else if (status == ProductStatus.SOLD_OUT && available > 0) {
            apply(new ProductBackInStock(productId, sellerId));
        }
    }

    @EventSourcingHandler
    void on(ProductCreated event, @SequenceNumber long sequenceNumber) {
        productId = event.productId();
        sellerId = event.sellerId();
        name = event.name();
        description = event.description();
        brand = event.brand();
        categoryId = event.categoryId();
        tags = event.tags();
        basePrice = event.basePrice();
        options = event.options();
        event.variants().forEach(variant -> variants.put(variant.variantId(), new Variant(variant)));
        status = ProductStatus.DRAFT;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductRenamed event, @SequenceNumber long sequenceNumber) {
        name = event.name();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductDescribed event, @SequenceNumber long sequenceNumber) {
        description = event.description();
        brand = event.brand();
        tags = event.tags();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductRecategorized event, @SequenceNumber long sequenceNumber) {
        categoryId = event.categoryId();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(BasePriceChanged event, @SequenceNumber long sequenceNumber) {
        basePrice = event.basePrice();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(VariantAdded event, @SequenceNumber long sequenceNumber) {
        variants.put(event.variant().variantId(), new Variant(event.variant()));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(VariantChanged event, @SequenceNumber long sequenceNumber) {
        Variant variant = variants.get(event.variantId());
        variant.sku = event.sku();
        variant.priceDelta = event.priceDelta();
        variant.weightGrams = event.weightGrams();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(VariantStatusChanged event, @SequenceNumber long sequenceNumber) {
        variants.get(event.variantId()).status = event.status();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductPublished event, @SequenceNumber long sequenceNumber) {
        status = event.status();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductHidden event, @SequenceNumber long sequenceNumber) {
        status = ProductStatus.HIDDEN;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductDiscontinued event, @SequenceNumber long sequenceNumber) {
        status = ProductStatus.DISCONTINUED;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductSoldOut event, @SequenceNumber long sequenceNumber) {
        status = ProductStatus.SOLD_OUT;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ProductBackInStock event, @SequenceNumber long sequenceNumber) {
        status = ProductStatus.ON_SALE;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(StockReceived event, @SequenceNumber long sequenceNumber) {
        setLevels(event.variantId(), event.onHand(), event.reserved());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(StockAdjusted event, @SequenceNumber long sequenceNumber) {
        setLevels(event.variantId(), event.onHand(), event.reserved());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(StockReserved event, @SequenceNumber long sequenceNumber) {
        setLevels(event.variantId(), event.onHand(), event.reserved());
        reservations.put(event.reservationId(),
                new Reservation(event.variantId(), event.quantity(), Reservation.State.RESERVED));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(StockReleased event, @SequenceNumber long sequenceNumber) {
        setLevels(event.variantId(), event.onHand(), event.reserved());
        reservations.computeIfPresent(event.reservationId(),
                (id, reservation) -> reservation.with(Reservation.State.RELEASED));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(StockCommitted event, @SequenceNumber long sequenceNumber) {
        setLevels(event.variantId(), event.onHand(), event.reserved());
        reservations.computeIfPresent(event.reservationId(),
                (id, reservation) -> reservation.with(Reservation.State.COMMITTED));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MediaAttached event, @SequenceNumber long sequenceNumber) {
        media.put(event.mediaId(), MediaStatus.PENDING);
        everAttached.add(event.mediaId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MediaProcessed event, @SequenceNumber long sequenceNumber) {
        media.replace(event.mediaId(), MediaStatus.READY);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MediaProcessingFailed event, @SequenceNumber long sequenceNumber) {
        media.replace(event.mediaId(), event.status());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MediaDetached event, @SequenceNumber long sequenceNumber) {
        media.remove(event.mediaId());
        version = sequenceNumber;
    }

    /** Stock events carry the levels after the event, so the state takes them rather than adding up. */
    private void setLevels(VariantId variantId, long onHand, long reserved) {
        Variant variant = variants.get(variantId);
        variant.onHand = onHand;
        variant.reserved = reserved;
    }
}
