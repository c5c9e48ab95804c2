package io.jangteo.query.shipping;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantStatusChanged;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import io.jangteo.messages.shipping.Destination;
import io.jangteo.messages.shipping.FeeComponent;
import io.jangteo.messages.shipping.FeeKind;
import io.jangteo.messages.shipping.PostcodeRange;
import io.jangteo.messages.shipping.QuoteShippingQuery;
import io.jangteo.messages.shipping.QuoteShippingQuery.Item;
import io.jangteo.messages.shipping.RemoteAreas;
import io.jangteo.messages.shipping.SellerShippingFee;
import io.jangteo.messages.shipping.ShippingQuoteResult;
import io.jangteo.query.catalog.CatalogFixtures;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.SellerFixtures;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jangteo.query.catalog.CatalogFixtures.created;
import static io.jangteo.query.catalog.CatalogFixtures.product;
import static io.jangteo.query.catalog.CatalogFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Shop s-bundle ships everything in one parcel, s-single each line apart; both charge 3,000 won a shipment, free
 * from 30,000 won, Jeju 4,000 and islands 6,000 extra. s-world also ships to Asia by weight; s-none has no policy.
 */
class ShippingQuoteHandlerTest {

    private static final Destination SEOUL = Destination.korea("04524");
    private static final Destination JEJU = Destination.korea("63100");
    private static final Destination ULLEUNG = Destination.korea("40200");

    private static EmbeddedReadStore readStore;

    private EventFeed feed;
    private ShippingQuoteHandler quotes;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        MongoDatabase database = readStore.freshDatabase();
        var emitter = SimpleQueryUpdateEmitter.builder().build();
        SellerDirectory sellers = new SellerDirectory(database);
        feed = new EventFeed(CatalogFixtures.projection(database, sellers, emitter),
                SellerFixtures.projection(database, emitter));
        quotes = new ShippingQuoteHandler(CatalogFixtures.catalog(database, sellers), sellers,
                RemoteAreas.defaults());

        SellerFixtures.activeSeller(feed, "s-bundle", SellerFixtures.domesticPolicy(true));
        SellerFixtures.activeSeller(feed, "s-single", SellerFixtures.domesticPolicy(false));
        SellerFixtures.activeSeller(feed, "s-world", SellerFixtures.worldwidePolicy());
        SellerFixtures.activeSeller(feed, "s-none", null);
        product(feed, created("kimchi", "s-bundle", "김치", 10_000, variant("1kg", 0, 1_000),
                variant("3kg", 15_000, 3_000)), 50, ProductStatus.ON_SALE);
        product(feed, created("rice", "s-single", "쌀", 8_000), 50, ProductStatus.ON_SALE);
        product(feed, created("tea", "s-world", "녹차", 12_000, variant("tin", 0, 400)), 50, ProductStatus.ON_SALE);
        product(feed, created("mat", "s-none", "돗자리", 9_000), 50, ProductStatus.ON_SALE);
        product(feed, created("draft", "s-bundle", "초안", 9_000), 50, ProductStatus.DRAFT);
    }

    @Test
    void eachShopChargesItsBaseFeePerShipment() {
        ShippingQuoteResult result = quote(SEOUL, item("kimchi", "1kg", 1), item("kimchi", "3kg", 1),
                item("rice", "default", 1), item("rice", "default", 1));

        assertThat(result.errors()).isEmpty();
        assertThat(result.quote().sellers()).extracting(f -> f.sellerId().value(), SellerShippingFee::itemsAmount,
                        SellerShippingFee::shipments, SellerShippingFee::fee, SellerShippingFee::policyVersion)
                .containsExactly(
                        tuple("s-bundle", Money.won(35_000), 1, Money.won(0), 1),
                        tuple("s-single", Money.won(16_000), 2, Money.won(6_000), 1));
        assertThat(result.quote().total()).isEqualTo(Money.won(6_000));
    }

    @Test
    void quantityMultipliesThePriceTowardsTheFreeShippingThreshold() {
        assertThat(quote(SEOUL, item("kimchi", "1kg", 2)).quote().total()).isEqualTo(Money.won(3_000));
        assertThat(quote(SEOUL, item("kimchi", "1kg", 3)).quote().total()).isEqualTo(Money.won(0));
    }

    @Test
    void jejuAndRemoteIslandsPayTheirSurchargeEvenWhenShippingIsFree() {
        ShippingQuoteResult jeju = quote(JEJU, item("kimchi", "1kg", 3));
        ShippingQuoteResult island = quote(ULLEUNG, item("kimchi", "1kg", 1));

        assertThat(jeju.quote().total()).isEqualTo(Money.won(4_000));
        assertThat(jeju.quote().sellers().get(0).breakdown()).extracting(FeeComponent::kind).contains(FeeKind.JEJU);
        assertThat(island.quote().total()).isEqualTo(Money.won(9_000));
    }

    @Test
    void overseasFeesGoByZoneAndWeightTimesQuantity() {
        ShippingQuoteResult light = quote(new Destination("JP", null), item("tea", "tin", 2));
        ShippingQuoteResult heavy = quote(new Destination("JP", null), item("tea", "tin", 3));

        assertThat(light.quote().sellers().get(0).breakdown()).extracting(FeeComponent::kind, FeeComponent::amount)
                .contains(tuple(FeeKind.OVERSEAS, Money.won(15_000)));
        assertThat(heavy.quote().sellers().get(0).breakdown()).extracting(FeeComponent::kind, FeeComponent::amount)
                .contains(tuple(FeeKind.OVERSEAS, Money.won(30_000)));
    }

    @Test
    void aDestinationTheShopDoesNotServeIsNotShippable() {
        ShippingQuoteResult abroad = quote(new Destination("US", null), item("tea", "tin", 1));
        ShippingQuoteResult noPolicy = quote(SEOUL, item("mat", "default", 1));

        assertThat(abroad.quote()).isNull();
        assertThat(abroad.errors()).extracting(RuleViolation::code).containsExactly(ErrorCode.NOT_SHIPPABLE);
        assertThat(noPolicy.quote()).isNull();
        assertThat(noPolicy.errors()).extracting(RuleViolation::code).containsExactly(ErrorCode.NOT_SHIPPABLE);
    }

    @Test
    void aPostcodeThatIsNotKoreanIsRefused() {
        ShippingQuoteResult result = quote(Destination.korea("123"), item("kimchi", "1kg", 1));

        assertThat(result.quote()).isNull();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).field()).startsWith("destination");
    }

    @Test
    void everyFaultyItemIsReportedAtItsPathAndNoQuoteIsMade() {
        feed.next("s-single", new SellerSuspended(SellerId.of("s-single"), "점검"));
        feed.next("kimchi", new VariantStatusChanged(ProductId.of("kimchi"), SellerId.of("s-bundle"),
                VariantId.of("3kg"), VariantStatus.INACTIVE));

        ShippingQuoteResult result = quote(SEOUL,
                item("kimchi", "1kg", 1),
                item("nothing", "default", 1),
                item("kimchi", "5kg", 1),
                item("kimchi", "1kg", 0),
                item("draft", "default", 1),
                item("rice", "default", 1),
                item("kimchi", "3kg", 1));

        assertThat(result.quote()).isNull();
        assertThat(result.errors()).extracting(RuleViolation::code, RuleViolation::field).containsExactly(
                tuple(ErrorCode.NOT_FOUND, List.of("items", "1", "productId")),
                tuple(ErrorCode.NOT_FOUND, List.of("items", "2", "variantId")),
                tuple(ErrorCode.INVALID_INPUT, List.of("items", "3", "quantity")),
                tuple(ErrorCode.NOT_FOUND, List.of("items", "4", "productId")),
                tuple(ErrorCode.NOT_FOUND, List.of("items", "5", "productId")),
                tuple(ErrorCode.INVALID_STATE, List.of("items", "6", "variantId")));
    }

    @Test
    void anEmptyCartIsNotQuoted() {
        ShippingQuoteResult result = quote(SEOUL);

        assertThat(result.quote()).isNull();
        assertThat(result.errors()).extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("items")));
    }

    @Test
    void remoteIslandsComeFromConfigurationOrTheDefaults() {
        assertThat(RemoteAreasConfiguration.parse("")).isEqualTo(RemoteAreas.defaults());
        assertThat(RemoteAreasConfiguration.parse(" 23004-23010, 54000 ,"))
                .isEqualTo(new RemoteAreas(List.of(RemoteAreas.JEJU),
                        List.of(new PostcodeRange(23004, 23010), new PostcodeRange(54000, 54000))));
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteAreasConfiguration.parse("23010-23004"))
                .withMessageContaining("jangteo.shipping.remote-islands");
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteAreasConfiguration.parse("2300-23010"));
    }

    private ShippingQuoteResult quote(Destination destination, Item... items) {
        return quotes.quote(new QuoteShippingQuery(List.of(items), destination));
    }

    private static Item item(String productId, String variantId, int quantity) {
        return new Item(ProductId.of(productId), variantId, quantity);
    }
}
