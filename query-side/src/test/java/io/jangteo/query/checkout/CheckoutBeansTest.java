package io.jangteo.query.checkout;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderQuoteResult;
import io.jangteo.messages.order.QuoteOrderQuery;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import io.jangteo.messages.shipping.Destination;
import io.jangteo.query.coupon.CouponFixtures;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The quote and the coupon read model come up from what the application provides, and read its clock if it has one. */
class CheckoutBeansTest {

    private static final Instant VALID_FROM = Instant.parse("2030-01-01T00:00:00Z");

    private static EmbeddedReadStore readStore;

    private AnnotationConfigApplicationContext context;
    private Clock axonClock;

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
        // the clock aggregates read stands before the coupon's window, so only another clock can open it
        axonClock = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(VALID_FROM.minusSeconds(1), ZoneOffset.UTC);
        context = new AnnotationConfigApplicationContext();
        context.registerBean(MongoDatabase.class, readStore::freshDatabase);
        context.registerBean(QueryUpdateEmitter.class, () -> SimpleQueryUpdateEmitter.builder().build());
        context.scan("io.jangteo.query.checkout", "io.jangteo.query.coupon", "io.jangteo.query.catalog",
                "io.jangteo.query.seller", "io.jangteo.query.shipping");
    }

    @AfterEach
    void tearDown() {
        context.close();
        GenericEventMessage.clock = axonClock;
    }

    @Test
    void withoutAnApplicationClockACouponIsJudgedAtTheTimeAggregatesRead() {
        context.refresh();
        issueCouponValidFrom2030();

        assertThat(quoteWithCoupon().errors()).extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("lines")),
                        tuple(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponCode")));
    }

    @Test
    void theApplicationsClockDecidesWhetherACouponIsValidNow() {
        context.registerBean(Clock.class, () -> Clock.fixed(VALID_FROM.plusSeconds(1), ZoneOffset.UTC));
        context.refresh();
        issueCouponValidFrom2030();

        assertThat(quoteWithCoupon().errors()).extracting(RuleViolation::code, RuleViolation::field)
                .containsExactly(tuple(ErrorCode.INVALID_INPUT, List.of("lines")));
    }

    private void issueCouponValidFrom2030() {
        EventFeed feed = new EventFeed(context.getBean("couponDirectoryProjection"));
        CouponFixtures.issue(feed, "FUTURE", CouponFixtures.fixed(1_000, null, CouponScope.all(), 1, VALID_FROM, null),
                null, VALID_FROM);
    }

    private OrderQuoteResult quoteWithCoupon() {
        return context.getBean(OrderQuoteHandler.class).quote(new QuoteOrderQuery(MemberId.of("m-1"), List.of(),
                Destination.korea("04524"), CouponId.of("FUTURE"), 0));
    }
}
