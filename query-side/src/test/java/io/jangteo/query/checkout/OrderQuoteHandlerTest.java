package io.jangteo.query.checkout;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantStatusChanged;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.OrderQuoteResult;
import io.jangteo.messages.order.QuoteOrderQuery;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import io.jangteo.messages.shipping.Destination;
import io.jangteo.messages.shipping.FeeComponent;
import io.jangteo.messages.shipping.FeeKind;
import io.jangteo.messages.shipping.RemoteAreas;
import io.jangteo.query.catalog.CatalogFixtures;
import io.jangteo.query.coupon.CouponFixtures;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.SellerFixtures;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.jangteo.query.catalog.CatalogFixtures.created;
import static io.jangteo.query.catalog.CatalogFixtures.product;
import static io.jangteo.query.catalog.CatalogFixtures.variant;
import static io.jangteo.query.coupon.CouponFixtures.fixed;
import static io.jangteo.query.coupon.CouponFixtures.issue;
import static io.jangteo.query.coupon.CouponFixtures.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One catalog for all tests, which only read it. Shops s-1 (one parcel) and s-2 (a parcel per line) charge 3,000 won
 * a shipment, free from 30,000 won, Jeju 4,000 extra, returns 5,000, exchanges 6,000 (policy version 1); s-none has
 * no policy. Member m-1 (GOLD) has 5,000 points available and holds coupon USED on order o-1; m-2 has nothing.
 * "Now" is {@link #NOW}.
 */
class OrderQuoteHandlerTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Destination SEOUL = Destination.korea("04524");
    private static final Destination JEJU = Destination.korea("63100");
    private static final MemberId M1 = MemberId.of("m-1");
    private static final MemberId M2 = MemberId.of("m-2");

    private static EmbeddedReadStore readStore;
    private static MemberDirectoryBeans members;
    private static OrderQuoteHandler quotes;

    @BeforeAll
    static void buildTheWorld() {
        readStore = new EmbeddedReadStore();
        MongoDatabase database = readStore.freshDatabase();
        var emitter = SimpleQueryUpdateEmitter.builder().build();
        SellerDirectory sellers = new SellerDirectory(database);
        members = new MemberDirectoryBeans(database);
        EventFeed feed = new EventFeed(CatalogFixtures.projection(database, sellers, emitter),
                SellerFixtures.projection(database, emitter), CouponFixtures.projection(database, emitter),
                members.projection());
        quotes = new OrderQuoteHandler(CatalogFixtures.catalog(database, sellers), sellers,
                CouponFixtures.directory(database), database, RemoteAreas.defaults(), () -> NOW);

        SellerFixtures.activeSeller(feed, "s-1", SellerFixtures.domesticPolicy(true));
        SellerFixtures.activeSeller(feed, "s-2", SellerFixtures.domesticPolicy(false));
        SellerFixtures.activeSeller(feed, "s-none", null);
        product(feed, created("kimchi", "s-1", "김치", null, "food", List.of(), 10_000,
                variant("1kg", 0, 1_000, "1kg"), variant("3kg", 15_000, 3_000, "3kg")), 50, ProductStatus.ON_SALE);
        product(feed, created("candy", "s-1", "사탕", null, "food", List.of(), 3_000), 50, ProductStatus.ON_SALE);
        product(feed, created("socks", "s-1", "양말", null, "fashion", List.of(), 5_000,
                variant("red", 0, 100, "red"), variant("blue", 0, 100, "blue")), 50, ProductStatus.ON_SALE);
        feed.next("socks", new VariantStatusChanged(ProductId.of("socks"), SellerId.of("s-1"), VariantId.of("blue"),
                VariantStatus.INACTIVE));
        product(feed, created("draft", "s-1", "초안", 9_000), 50, ProductStatus.DRAFT);
        product(feed, created("rice", "s-2", "쌀", null, "grain", List.of(), 8_000), 3, ProductStatus.ON_SALE);
        product(feed, created("tea", "s-2", "녹차", null, "food", List.of(), 12_000, variant("tin", 0, 400, "tin")),
                50, ProductStatus.ON_SALE);
        product(feed, created("mat", "s-none", "돗자리", 9_000), 50, ProductStatus.ON_SALE);
        product(feed, new ProductCreated(ProductId.of("maple"), SellerId.of("s-1"), "Maple syrup", "", null, null,
                List.of(), Money.of(1_500, "USD"), List.of(), List.of(new ProductVariant(VariantId.DEFAULT, "SKU-M",
                List.of(), Money.of(0, "USD"), 500, VariantStatus.ACTIVE))), 50, ProductStatus.ON_SALE);

        feed.next("m-1", new MemberRegistered(M1, "m-1@example.kr", "김회원", "010-0000-0001", ActorRole.CUSTOMER,
                true, false));
        feed.next("m-2", new MemberRegistered(M2, "m-2@example.kr", "이회원", "010-0000-0002", ActorRole.CUSTOMER,
                true, false));
        RewardsId rewards = RewardsId.of(M1);
        feed.next(rewards.value(), new PointsAdjusted(rewards, M1, PointsEntryId.of("adj-1"), 5_000, "welcome", null,
                null));
        feed.next(rewards.value(), new MemberGradeChanged(rewards, M1, null, "GOLD", "manual", Money.won(0), null,
                "test"));

        issue(feed, "WELCOME", fixed(3_000, Money.won(30_000), CouponScope.all(), 1, START, null), null, START);
        issue(feed, "S2-TEN", rate(10, Money.won(5_000), CouponScope.seller("s-2"), 2, START, null), "s-2", START);
        issue(feed, "FOOD-2000", fixed(2_000, null, new CouponScope(CouponScopeKind.CATEGORIES, List.of("food")), 1,
                START, null), null, START);
        issue(feed, "OLD", fixed(1_000, null, CouponScope.all(), 1, START, Instant.parse("2025-05-01T00:00:00Z")),
                null, START);
        issue(feed, "SOON", fixed(1_000, null, CouponScope.all(), 1, Instant.parse("2025-07-01T00:00:00Z"), null),
                null, START);
        issue(feed, "GONE", fixed(1_000, null, CouponScope.all(), 1, START, null), null, START);
        CouponFixtures.withdraw(feed, "GONE");
        issue(feed, "USED", fixed(1_000, null, CouponScope.all(), 1, START, null), null, START);
        CouponFixtures.redeem(feed, "USED", "m-1", "o-1", 1_000);
        issue(feed, "DOLLAR", new CouponTerms("5 dollars off", DiscountKind.FIXED, Money.of(5, "USD"), 0, null, null,
                CouponScope.all(), 1, START, null), null, START);
    }

    @AfterAll
    static void tearDown() {
        members.close();
        readStore.close();
    }

    @Test
    void aMemberBuyingFromTwoShopsToJejuWithACouponAndPointsIsPricedToTheWon() {
        OrderQuoteResult result = quotes.quote(new QuoteOrderQuery(M1, List.of(
                line("kimchi", "1kg", 2), line("kimchi", "3kg", 1), line("rice", "default", 3), line("tea", "tin", 1)),
                JEJU, CouponId.of("s2-ten"), 4_321));

        assertThat(result.errors()).isEmpty();
        OrderQuote quote = result.quote();
        // S2-TEN: 10% of s-2's 36,000 = 3,600, split 24,000 : 12,000. Points over what is left, 20,000 : 25,000 :
        // 21,600 : 10,800 -> 1,116.5 / 1,395.7 / 1,205.9 / 602.9: rounded down, the three left over go to the
        // largest remainders (lines 4, 3, 2)
        assertThat(quote.lines()).extracting(QuotedLine::lineId, l -> l.productId().value(), l -> l.variantId().value(),
                        l -> l.sellerId().value(), QuotedLine::productName, QuotedLine::sku, QuotedLine::optionValues,
                        QuotedLine::categoryId, QuotedLine::weightGrams, QuotedLine::unitPrice, QuotedLine::quantity)
                .containsExactly(
                        tuple("1", "kimchi", "1kg", "s-1", "김치", "SKU-1kg", List.of("1kg"), "food", 2_000L,
                                won(10_000), 2L),
                        tuple("2", "kimchi", "3kg", "s-1", "김치", "SKU-3kg", List.of("3kg"), "food", 3_000L,
                                won(25_000), 1L),
                        tuple("3", "rice", "default", "s-2", "쌀", "SKU-default", List.of(), "grain", 1_500L,
                                won(8_000), 3L),
                        tuple("4", "tea", "tin", "s-2", "녹차", "SKU-tin", List.of("tin"), "food", 400L,
                                won(12_000), 1L));
        assertThat(quote.lines()).extracting(QuotedLine::amount, QuotedLine::couponDiscount, QuotedLine::points,
                        QuotedLine::payAmount)
                .containsExactly(
                        tuple(won(20_000), won(0), 1_116L, won(18_884)),
                        tuple(won(25_000), won(0), 1_396L, won(23_604)),
                        tuple(won(24_000), won(2_400), 1_206L, won(20_394)),
                        tuple(won(12_000), won(1_200), 603L, won(10_197)));
        // both shops ship free from 30,000 won, but not the Jeju leg: s-1 one parcel, s-2 two
        assertThat(quote.sellers()).extracting(p -> p.sellerId().value(), QuotedSellerPart::sellerName,
                        QuotedSellerPart::policyVersion, QuotedSellerPart::itemsAmount, QuotedSellerPart::shippingFee,
                        QuotedSellerPart::shipments, QuotedSellerPart::returnFee, QuotedSellerPart::exchangeFee)
                .containsExactly(
                        tuple("s-1", "Shop s-1", 1, won(45_000), won(4_000), 1, won(5_000), won(6_000)),
                        tuple("s-2", "Shop s-2", 1, won(36_000), won(8_000), 2, won(5_000), won(6_000)));
        assertThat(quote.sellers().get(1).shippingBreakdown()).extracting(FeeComponent::kind, FeeComponent::amount)
                .containsExactly(tuple(FeeKind.BASE, won(6_000)), tuple(FeeKind.FREE_SHIPPING, won(-6_000)),
                        tuple(FeeKind.JEJU, won(8_000)));
        assertThat(quote.itemsTotal()).isEqualTo(won(81_000));
        assertThat(quote.couponId()).isEqualTo(CouponId.of("S2-TEN"));
        assertThat(quote.couponDiscount()).isEqualTo(won(3_600));
        assertThat(quote.points()).isEqualTo(4_321);
        assertThat(quote.shippingTotal()).isEqualTo(won(12_000));
        assertThat(quote.amountToPay()).isEqualTo(won(85_079));
        assertThat(quote.grade()).isEqualTo("GOLD");
    }

    @Test
    void aGuestIsQuotedWithoutGradeCouponOrPoints() {
        OrderQuoteResult result = quotes.quote(new QuoteOrderQuery(null, List.of(line("tea", "tin", 1)), SEOUL, null,
                0));

        assertThat(result.errors()).isEmpty();
        assertThat(result.quote().grade()).isNull();
        assertThat(result.quote().couponId()).isNull();
        assertThat(result.quote().amountToPay()).isEqualTo(won(15_000));
    }

    @Test
    void everyProblemWithTheLinesAndTheDestinationIsReportedAtOnceAtItsPath() {
        OrderQuoteResult result = quotes.quote(new QuoteOrderQuery(M1, List.of(
                line("draft", "default", 1),
                line("kimchi", "5kg", 1),
                line("socks", "blue", 1),
                line("kimchi", "1kg", 0),
                line("rice", "default", 4),
                line("kimchi", "1kg", 1_000),
                line("tea", "tin", 1)), Destination.korea("6310"), null, 0));

        assertThat(result.quote()).isNull();
        assertThat(result.errors()).extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(
                        tuple(ErrorCode.NOT_FOUND, List.of("lines", "0", "productId")),
                        tuple(ErrorCode.NOT_FOUND, List.of("lines", "1", "variantId")),
                        tuple(ErrorCode.INVALID_STATE, List.of("lines", "2", "variantId")),
                        tuple(ErrorCode.INVALID_INPUT, List.of("lines", "3", "quantity")),
                        tuple(ErrorCode.OUT_OF_STOCK, List.of("lines", "4", "quantity")),
                        tuple(ErrorCode.INVALID_INPUT, List.of("lines", "5", "quantity")),
                        tuple(ErrorCode.INVALID_INPUT, List.of("lines", "5", "variantId")),
                        tuple(ErrorCode.INVALID_INPUT, List.of("destination", "postcode")));
        assertThat(result.errors().get(4).message()).isEqualTo("Only 3 left");
        assertThat(result.errors().get(6).message()).startsWith("Already on line 4");
    }

    @Test
    void anOrderHasOneToFiftyLines() {
        List<OrderLineInput> many = new ArrayList<>(Collections.nCopies(51, line("candy", "default", 1)));

        assertThat(quotes.quote(new QuoteOrderQuery(M1, List.of(), SEOUL, null, 0)).errors())
                .extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("lines")));
        assertThat(quotes.quote(new QuoteOrderQuery(M1, many, SEOUL, null, 0)).errors())
                .extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("lines")));
    }

    @Test
    void anOrderIsInOneCurrency() {
        OrderQuoteResult result = quotes.quote(new QuoteOrderQuery(M1, List.of(line("kimchi", "1kg", 1),
                line("maple", "default", 1)), SEOUL, null, 0));

        assertThat(result.errors()).extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("lines", "1", "variantId")));
    }

    @Test
    void aDestinationAShopDoesNotServeIsNotShippable() {
        assertThat(quotes.quote(new QuoteOrderQuery(M1, List.of(line("mat", "default", 1)), SEOUL, null, 0))
                .errors()).extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.NOT_SHIPPABLE, List.of("destination")));
        assertThat(quotes.quote(new QuoteOrderQuery(M1, List.of(line("tea", "tin", 1)),
                new Destination("US", null), null, 0)).errors())
                .extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.NOT_SHIPPABLE, List.of("destination")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            NO-SUCH   | m-2 | There is no coupon NO-SUCH                 | tea
            GONE      | m-2 | was withdrawn                              | tea
            OLD       | m-2 | expired at 2025-05-01T00:00:00Z            | tea
            SOON      | m-2 | is valid from 2025-07-01T00:00:00Z         | tea
            USED      | m-1 | is in use on 1 order of yours already      | tea
            FOOD-2000 | m-2 | applies to none of these items             | rice
            WELCOME   | m-2 | needs a minimum order of 30,000 KRW; the items it applies to come to 12,000 KRW | tea
            DOLLAR    | m-2 | is not for orders in KRW                   | tea
            """)
    void aCouponThatDoesNotApplySaysWhy(String code, String member, String reason, String productId) {
        String variantId = productId.equals("tea") ? "tin" : "default";

        OrderQuoteResult result = quotes.quote(new QuoteOrderQuery(MemberId.of(member),
                List.of(line(productId, variantId, 1)), SEOUL, CouponId.of(code), 0));

        assertThat(result.quote()).isNull();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.COUPON_NOT_APPLICABLE);
            assertThat(error.field()).containsExactly("couponCode");
            assertThat(error.message()).contains(reason);
        });
    }

    @Test
    void aCouponAtItsLimitForOneMemberStillAppliesForAnother() {
        OrderQuoteResult result = quotes.quote(new QuoteOrderQuery(M2, List.of(line("tea", "tin", 1)), SEOUL,
                CouponId.of("USED"), 0));

        assertThat(result.errors()).isEmpty();
        assertThat(result.quote().couponDiscount()).isEqualTo(won(1_000));
        assertThat(result.quote().amountToPay()).isEqualTo(won(12_000 - 1_000 + 3_000));
    }

    @Test
    void aGuestCannotUseACouponOrPoints() {
        OrderQuoteResult result = quotes.quote(new QuoteOrderQuery(null, List.of(line("tea", "tin", 1)), SEOUL,
                CouponId.of("FOOD-2000"), 100));

        assertThat(result.errors()).extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("couponCode")),
                        tuple(ErrorCode.INVALID_INPUT, List.of("points")));
    }

    @Test
    void pointsAreLimitedByWhatTheMemberHasAndWhatTheOrderCosts() {
        assertThat(pointsErrors(M1, 5_001, "tea", null)).containsExactly(
                tuple(ErrorCode.INSUFFICIENT_POINTS, List.of("points"), "Only 5000 points are available"));
        assertThat(pointsErrors(M2, 1, "tea", null)).containsExactly(
                tuple(ErrorCode.INSUFFICIENT_POINTS, List.of("points"), "Only 0 points are available"));
        assertThat(pointsErrors(MemberId.of("m-unknown"), 1, "tea", null)).extracting(t -> t.toList().get(0))
                .containsExactly(ErrorCode.INSUFFICIENT_POINTS);
        assertThat(pointsErrors(M1, -1, "tea", null)).extracting(t -> t.toList().get(0), t -> t.toList().get(1))
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("points")));
        // candy: 3,000 won less the food coupon's 2,000 takes at most 1,000 points
        assertThat(pointsErrors(M1, 1_001, "candy", "FOOD-2000")).extracting(t -> t.toList().get(0),
                        t -> t.toList().get(1), t -> t.toList().get(2))
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("points"),
                        "At most 1000 points can be used on this order (its items after the coupon), asked for 1001"));
    }

    @Test
    void pointsUpToWhatTheItemsCostAfterTheCouponLeaveOnlyShippingToPay() {
        OrderQuoteResult result = quotes.quote(new QuoteOrderQuery(M1, List.of(line("candy", "default", 1)), SEOUL,
                CouponId.of("FOOD-2000"), 1_000));

        assertThat(result.errors()).isEmpty();
        assertThat(result.quote().lines()).extracting(QuotedLine::couponDiscount, QuotedLine::points,
                QuotedLine::payAmount).containsExactly(tuple(won(2_000), 1_000L, won(0)));
        assertThat(result.quote().amountToPay()).isEqualTo(won(3_000));
    }

    private static List<org.assertj.core.groups.Tuple> pointsErrors(MemberId buyer, long points, String productId,
                                                                   String coupon) {
        String variantId = productId.equals("tea") ? "tin" : "default";
        return quotes.quote(new QuoteOrderQuery(buyer, List.of(line(productId, variantId, 1)), SEOUL,
                        coupon == null ? null : CouponId.of(coupon), points)).errors().stream()
                .map(error -> tuple(error.code(), error.field(), error.message()))
                .toList();
    }

    private static OrderLineInput line(String productId, String variantId, long quantity) {
        return new OrderLineInput(ProductId.of(productId), VariantId.of(variantId), quantity);
    }

    private static Money won(long amount) {
        return Money.won(amount);
    }
}
