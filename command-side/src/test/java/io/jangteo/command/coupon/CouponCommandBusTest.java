package io.jangteo.command.coupon;

import io.jangteo.command.shared.RealCommandBus;
import io.jangteo.messages.coupon.CouponIssued;
import io.jangteo.messages.coupon.IssueCoupon;
import io.jangteo.messages.coupon.WithdrawCoupon;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jangteo.command.coupon.CouponFixtures.CODE;
import static io.jangteo.command.coupon.CouponFixtures.OTHER_SHOP;
import static io.jangteo.command.coupon.CouponFixtures.admin;
import static io.jangteo.command.coupon.CouponFixtures.fixed;
import static io.jangteo.command.coupon.CouponFixtures.rate;
import static io.jangteo.command.coupon.CouponFixtures.seller;
import static io.jangteo.command.coupon.CouponFixtures.shopCoupon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The coupon behind a real command bus and event-sourcing repository: a taken code reaches the sender as DUPLICATE
 * (not as the conflict a second creating append would be), and a refused issue stores nothing under the code.
 */
class CouponCommandBusTest {

    private final RealCommandBus bus = RealCommandBus.of(Coupon.class);

    @AfterEach
    void tearDown() {
        bus.eventStore().shutDown();
    }

    private Object send(Object command, Map<String, Object> actor) {
        return bus.gateway().sendAndWait(command, MetaData.from(actor));
    }

    private List<DomainEventMessage<?>> events() {
        return bus.eventStore().readEvents(CODE.value()).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    @Test
    void aTakenCodeIsRefusedAsADuplicateOfTheCodeAndTheFirstCouponStays() {
        Object first = send(new IssueCoupon(CODE, fixed()), admin());

        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(new IssueCoupon(CODE, rate()), admin()));

        assertThat(first).isEqualTo(0L);
        assertThat(refused.getDetails()).contains(new RuleViolation(ErrorCode.DUPLICATE, List.of("code"),
                "A coupon with the code WELCOME-5000 already exists"));
        assertThat(events()).singleElement()
                .satisfies(event -> assertThat(((CouponIssued) event.getPayload()).terms()).isEqualTo(fixed()));
    }

    @Test
    void aRefusedIssueStoresNothingSoTheCodeStaysFree() {
        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(new IssueCoupon(CODE, shopCoupon()), seller(OTHER_SHOP)));

        assertThat(refused.getDetails()).get().extracting(d -> ((RuleViolation) d).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(events()).isEmpty();
        assertThat(send(new IssueCoupon(CODE, fixed()), admin())).isEqualTo(0L);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(new WithdrawCoupon(CODE, "ended"), admin()));

        assertThat(refused.getDetails()).contains(new RuleViolation(ErrorCode.NOT_FOUND, List.of(), "No such coupon"));
    }
}
