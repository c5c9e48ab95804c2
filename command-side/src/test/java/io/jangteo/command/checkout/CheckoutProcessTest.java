package io.jangteo.command.checkout;

import io.jangteo.command.schedule.TestSerializers;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.OrderRejected;
import io.jangteo.messages.order.RejectOrder;
import io.jangteo.messages.order.RequestPayment;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static io.jangteo.command.checkout.CheckoutFixtures.BUYER;
import static io.jangteo.command.checkout.CheckoutFixtures.ORDER;
import static io.jangteo.command.checkout.CheckoutFixtures.OTHER_ORDER;
import static io.jangteo.command.checkout.CheckoutFixtures.T0;
import static io.jangteo.command.checkout.CheckoutFixtures.approved;
import static io.jangteo.command.checkout.CheckoutFixtures.cancelled;
import static io.jangteo.command.checkout.CheckoutFixtures.commit;
import static io.jangteo.command.checkout.CheckoutFixtures.declined;
import static io.jangteo.command.checkout.CheckoutFixtures.expired;
import static io.jangteo.command.checkout.CheckoutFixtures.placed;
import static io.jangteo.command.checkout.CheckoutFixtures.plainQuote;
import static io.jangteo.command.checkout.CheckoutFixtures.redeem;
import static io.jangteo.command.checkout.CheckoutFixtures.refund;
import static io.jangteo.command.checkout.CheckoutFixtures.refusal;
import static io.jangteo.command.checkout.CheckoutFixtures.release;
import static io.jangteo.command.checkout.CheckoutFixtures.reserve;
import static io.jangteo.command.checkout.CheckoutFixtures.restore;
import static io.jangteo.command.checkout.CheckoutFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path of checkout, with the command bus stubbed to answer as the real one does: done, refused (a rule violation
 * as the details of Axon's exception), or failed.
 */
class CheckoutProcessTest {

    private static final String OUT_OF_STOCK = "Only 0 of variant small available";

    private SagaTestFixture<CheckoutProcess> fixture;
    /** Commands that fail, with how often (-1: every time). */
    private final Map<Object, RuntimeException> failures = new HashMap<>();
    private final Map<Object, Integer> failuresLeft = new HashMap<>();
    private final Map<Object, Integer> attempts = new HashMap<>();
    private final List<Exception> handlerFailures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CheckoutProcess.class);
        fixture.setCallbackBehavior((command, metaData) -> {
            attempts.merge(command, 1, Integer::sum);
            RuntimeException failure = failures.get(command);
            int left = failuresLeft.getOrDefault(command, -1);
            if (failure != null && left != 0) {
                failuresLeft.put(command, left - 1);
                throw failure;
            }
            return 0L;
        });
        fixture.registerListenerInvocationErrorHandler((exception, event, handler) -> handlerFailures.add(exception));
    }

    private void failing(Object command, RuntimeException failure) {
        failures.put(command, failure);
    }

    private void failingTimes(Object command, int times, RuntimeException failure) {
        failures.put(command, failure);
        failuresLeft.put(command, times);
    }

    @Test
    void aPlacedOrderHoldsEveryLineSpendsItsPointsRedeemsItsCouponAndAsksForPayment() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"), spend(), redeem(),
                        new RequestPayment(ORDER))
                .expectDispatchedCommandsMatching(allSentByCheckout())
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER.value());
    }

    @Test
    void eachReservationCarriesThePriceTheBuyerWasShown() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectDispatchedCommandsMatching(reservationsAt(12_000, 20_000, 30_000));
    }

    @Test
    void anOrderWithoutPointsOrCouponOnlyHoldsStockBeforeAskingForPayment() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed(plainQuote()))
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"), new RequestPayment(ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void anApprovedPaymentTakesTheHeldUnitsFromStockAndEndsCheckout() {
        fixture.givenAPublished(placed())
                .whenPublishingA(approved(ORDER))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(commit("1"), commit("2"), commit("3"))
                .expectDispatchedCommandsMatching(allSentByCheckout())
                .expectActiveSagas(0);
    }

    @Test
    void anotherOrdersEventsDoNotConcernThisCheckout() {
        fixture.givenAPublished(placed())
                .whenPublishingA(approved(OTHER_ORDER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aLineOutOfStockRejectsTheOrderNamingExactlyThatLineAndReleasesTheOthers() {
        failing(reserve("2"), refusal(ErrorCode.OUT_OF_STOCK, OUT_OF_STOCK));

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"),
                        new RejectOrder(ORDER, List.of(new LineRejection("2", ErrorCode.OUT_OF_STOCK, OUT_OF_STOCK)),
                                ErrorCode.OUT_OF_STOCK, "Out of stock: line 2 (SKU TNG-S)"),
                        release("1"), release("3"))
                .expectDispatchedCommandsMatching(allSentByCheckout())
                .expectActiveSagas(0);
    }

    @Test
    void everyLineThatCannotBeHadIsNamedGroupedByWhy() {
        failing(reserve("1"), refusal(ErrorCode.PRICE_CHANGED, "Variant default now costs 13000 KRW"));
        failing(reserve("3"), refusal(ErrorCode.OUT_OF_STOCK, "Only 0 of variant default available"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"),
                        new RejectOrder(ORDER, List.of(
                                new LineRejection("1", ErrorCode.PRICE_CHANGED, "Variant default now costs 13000 KRW"),
                                new LineRejection("3", ErrorCode.OUT_OF_STOCK, "Only 0 of variant default available")),
                                ErrorCode.PRICE_CHANGED,
                                "Price changed: line 1 (SKU KIM-1KG); Out of stock: line 3 (Jeju tangerines 5kg)"),
                        release("2"))
                .expectActiveSagas(0);
    }

    @Test
    void insufficientPointsRejectTheOrderAsAWholeAndReleaseTheStock() {
        String message = "Only 400 points are available; 1000 were asked for";
        failing(spend(), refusal(ErrorCode.INSUFFICIENT_POINTS, message));

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"), spend(),
                        new RejectOrder(ORDER, List.of(new LineRejection(null, ErrorCode.INSUFFICIENT_POINTS, message)),
                                ErrorCode.INSUFFICIENT_POINTS, "Not enough points: " + message),
                        release("1"), release("2"), release("3"))
                .expectActiveSagas(0);
    }

    @Test
    void aCouponThatDoesNotApplyRejectsTheOrderAndGivesBackStockAndPoints() {
        String message = "This coupon was withdrawn";
        failing(redeem(), refusal(ErrorCode.COUPON_NOT_APPLICABLE, message));

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"), spend(), redeem(),
                        new RejectOrder(ORDER, List.of(new LineRejection(null, ErrorCode.COUPON_NOT_APPLICABLE,
                                message)), ErrorCode.COUPON_NOT_APPLICABLE, "Coupon not applicable: " + message),
                        release("1"), release("2"), release("3"),
                        refund("order " + ORDER + " rejected"))
                .expectActiveSagas(0);
    }

    @Test
    void aDeclinedPaymentReleasesTheStockRestoresTheCouponAndRefundsThePoints() {
        fixture.givenAPublished(placed())
                .whenPublishingA(declined())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(release("1"), release("2"), release("3"),
                        restore("order " + ORDER + " declined"), refund("order " + ORDER + " declined"))
                .expectDispatchedCommandsMatching(allSentByCheckout())
                .expectActiveSagas(0);
    }

    @Test
    void aDepositThatNeverCameExpiresTheOrderAndGivesEverythingBack() {
        fixture.givenAPublished(placed())
                .whenPublishingA(expired())
                .expectDispatchedCommands(release("1"), release("2"), release("3"),
                        restore("order " + ORDER + " expired"), refund("order " + ORDER + " expired"))
                .expectActiveSagas(0);
    }

    @Test
    void aCancellationBeforePaymentGivesEverythingBack() {
        fixture.givenAPublished(placed())
                .whenPublishingA(cancelled())
                .expectDispatchedCommands(release("1"), release("2"), release("3"),
                        restore("order " + ORDER + " cancelled"), refund("order " + ORDER + " cancelled"))
                .expectActiveSagas(0);
    }

    @Test
    void anOrderThatMovedOnBeforeItsPaymentWasRequestedGivesEverythingBackWithoutARejection() {
        failing(new RequestPayment(ORDER), refusal(ErrorCode.INVALID_STATE, "The order is CANCELLED"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"), spend(), redeem(),
                        new RequestPayment(ORDER), release("1"), release("2"), release("3"),
                        restore("order " + ORDER + " closed before payment"),
                        refund("order " + ORDER + " closed before payment"))
                .expectActiveSagas(0);
    }

    @Test
    void theCancellationOfAnOrderThatMovedOnFindsNothingLeftToGiveBack() {
        failing(new RequestPayment(ORDER), refusal(ErrorCode.INVALID_STATE, "The order is CANCELLED"));

        fixture.givenAPublished(placed())
                .whenPublishingA(cancelled())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aPaymentRequestRefusedForAnotherReasonRejectsTheOrder() {
        String message = "No such stored payment method";
        failing(new RequestPayment(ORDER), refusal(ErrorCode.INVALID_INPUT, message));

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"), spend(), redeem(),
                        new RequestPayment(ORDER),
                        new RejectOrder(ORDER, List.of(new LineRejection(null, ErrorCode.INVALID_INPUT, message)),
                                ErrorCode.INVALID_INPUT, "Invalid input: " + message),
                        release("1"), release("2"), release("3"), restore("order " + ORDER + " rejected"),
                        refund("order " + ORDER + " rejected"))
                .expectActiveSagas(0);
    }

    @Test
    void aRejectionTheOrderRefusesBecauseItMovedOnStillGivesBackWhatWasHeld() {
        failing(reserve("3"), refusal(ErrorCode.OUT_OF_STOCK, OUT_OF_STOCK));
        failing(new RejectOrder(ORDER, List.of(new LineRejection("3", ErrorCode.OUT_OF_STOCK, OUT_OF_STOCK)),
                        ErrorCode.OUT_OF_STOCK, "Out of stock: line 3 (Jeju tangerines 5kg)"),
                refusal(ErrorCode.INVALID_STATE, "The order is CANCELLED"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"),
                        new RejectOrder(ORDER, List.of(new LineRejection("3", ErrorCode.OUT_OF_STOCK, OUT_OF_STOCK)),
                                ErrorCode.OUT_OF_STOCK, "Out of stock: line 3 (Jeju tangerines 5kg)"),
                        release("1"), release("2"))
                .expectActiveSagas(0);
    }

    @Test
    void aRejectionOfAnOrderStillHoldingSomethingGivesItBack() {
        // only after a retried start found everything available while the order was already rejected
        fixture.givenAPublished(placed())
                .whenPublishingA(new OrderRejected(ORDER, BUYER, List.of(), ErrorCode.OUT_OF_STOCK, "Out of stock", T0))
                .expectDispatchedCommands(release("1"), release("2"), release("3"),
                        restore("order " + ORDER + " rejected"), refund("order " + ORDER + " rejected"))
                .expectActiveSagas(0);
    }

    @Test
    void aRefusedReleaseIsLoggedAndTheRestIsStillGivenBack() {
        failing(release("2"), refusal(ErrorCode.INVALID_STATE, "Reservation is sold and cannot be released"));

        fixture.givenAPublished(placed())
                .whenPublishingA(declined())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(release("1"), release("2"), release("3"),
                        restore("order " + ORDER + " declined"), refund("order " + ORDER + " declined"))
                .expectActiveSagas(0);
    }

    @Test
    void aTimeoutIsThrownForTheProcessorToTryTheEventAgainAndNothingIsRejected() {
        CommandExecutionException timeout = new CommandExecutionException("An exception occurred",
                new TimeoutException("no answer in 10 s"));
        failing(reserve("2"), timeout);

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectDispatchedCommands(reserve("1"), reserve("2"));

        assertThat(handlerFailures).containsExactly(timeout);
    }

    @Test
    void aProviderThatDoesNotAnswerIsThrownRatherThanRejectingTheOrder() {
        CommandExecutionException unavailable = refusal(ErrorCode.PROVIDER_UNAVAILABLE, "The provider did not answer");
        failing(new RequestPayment(ORDER), unavailable);

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectDispatchedCommands(reserve("1"), reserve("2"), reserve("3"), spend(), redeem(),
                        new RequestPayment(ORDER));

        assertThat(handlerFailures).containsExactly(unavailable);
    }

    @Test
    void aConflictIsTriedAgainAtOnce() {
        failingTimes(reserve("1"), 2, refusal(ErrorCode.CONFLICT, "Changed by someone else at the same time; retry"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed(plainQuote()))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve("1"), reserve("1"), reserve("1"), reserve("2"), reserve("3"),
                        new RequestPayment(ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void aConflictThatPersistsIsThrown() {
        ConcurrencyException conflict = new ConcurrencyException("sequence number taken");
        failing(reserve("1"), conflict);

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectDispatchedCommands(reserve("1"), reserve("1"), reserve("1"));

        assertThat(handlerFailures).containsExactly(conflict);
        assertThat(attempts.get(reserve("1"))).isEqualTo(3);
    }

    @Test
    void theSagaStoreKeepsWhatIsHeldAndNothingElse() {
        Serializer serializer = TestSerializers.likeTheApplication();
        String json = "{\"orderId\":\"" + ORDER + "\",\"buyerId\":\"member-1\","
                + "\"heldStock\":{\"1\":\"p-kimchi\",\"3\":\"p-jeju\"},\"spentPoints\":1000,"
                + "\"redeemedCoupon\":\"WELCOME-5000\"}";

        CheckoutProcess loaded = serializer.deserialize(
                new SimpleSerializedObject<>(json, String.class, CheckoutProcess.class.getName(), null));
        SerializedObject<String> stored = serializer.serialize(loaded, String.class);

        assertThat(stored.getData()).isEqualTo(json);
        assertThat(serializer.serialize(new CheckoutProcess(), String.class).getData()).isEqualTo(
                "{\"orderId\":null,\"buyerId\":null,\"heldStock\":{},\"spentPoints\":0,\"redeemedCoupon\":null}");
    }

    private static Matcher<List<CommandMessage<?>>> allSentByCheckout() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<CommandMessage<?>> commands) {
                return !commands.isEmpty() && commands.stream().allMatch(command ->
                        "system:checkout".equals(command.getMetaData().get(AuditKeys.ACTOR_ID))
                                && "SYSTEM".equals(command.getMetaData().get(AuditKeys.ACTOR_ROLE))
                                && command.getMetaData().get(AuditKeys.REQUEST_ID) != null);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("commands all sent by the system actor system:checkout");
            }
        };
    }

    private static Matcher<List<CommandMessage<?>>> reservationsAt(long... unitPrices) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<CommandMessage<?>> commands) {
                List<Long> prices = commands.stream()
                        .filter(command -> command.getPayload() instanceof ReserveStock)
                        .map(command -> ((ReserveStock) command.getPayload()).expectedUnitPrice().amount())
                        .toList();
                return prices.equals(java.util.Arrays.stream(unitPrices).boxed().toList());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("reservations at unit prices " + java.util.Arrays.toString(unitPrices));
            }
        };
    }
}
