package io.jangteo.command.onboarding;

import io.jangteo.command.schedule.TestSerializers;
import io.jangteo.messages.member.LinkSellerShop;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SellerRejected;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;

class SellerOnboardingTest {

    private static final SellerId SHOP = SellerId.of("s-1");
    private static final SellerId OTHER_SHOP = SellerId.of("s-2");
    private static final String OWNER = "member-1";

    private SagaTestFixture<SellerOnboarding> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SellerOnboarding.class);
    }

    private static SellerRegistered registered(SellerId shop, String registeredBy) {
        return new SellerRegistered(shop, "Jeju Tangerine Farm", "Kim Minji", "1248100998", "shop@example.com",
                "01012345678", new SettlementAccount("088", "Kim Minji", "110-***-***789", "tok_1"), registeredBy);
    }

    @Test
    void aRegisteredShopWaitsForItsReview() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(registered(SHOP, OWNER))
                .expectActiveSagas(1)
                .expectAssociationWith("sellerId", SHOP)
                .expectNoDispatchedCommands();
    }

    @Test
    void anApprovedShopIsLinkedToTheMemberWhoRegisteredItAsTheOnboardingActor() {
        fixture.givenAPublished(registered(SHOP, OWNER))
                .whenPublishingA(new SellerApproved(SHOP), Map.of(AuditKeys.ACTOR_ID, "admin-1",
                        AuditKeys.ACTOR_ROLE, "ADMIN"))
                .expectDispatchedCommands(new LinkSellerShop(MemberId.of(OWNER), SHOP))
                .expectDispatchedCommandsMatching(exactSequenceOf(sentBy("system:seller-onboarding"), andNoMore()))
                .expectActiveSagas(0);
    }

    @Test
    void aRejectedShopEndsTheOnboardingWithoutALink() {
        fixture.givenAPublished(registered(SHOP, OWNER))
                .whenPublishingA(new SellerRejected(SHOP, "licence could not be verified"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void anotherShopsApprovalDoesNotConcernThisOnboarding() {
        fixture.givenAPublished(registered(SHOP, OWNER))
                .whenPublishingA(new SellerApproved(OTHER_SHOP))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aRefusedLinkIsLoggedAndTheOnboardingEnds() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new CommandExecutionException("No such member", null,
                    new RuleViolation(ErrorCode.NOT_FOUND, List.of(), "No such member"));
        });
        fixture.givenAPublished(registered(SHOP, "dev-admin"))
                .whenPublishingA(new SellerApproved(SHOP))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new LinkSellerShop(MemberId.of("dev-admin"), SHOP))
                .expectActiveSagas(0);
    }

    @Test
    void aShopASystemActorRegisteredIsLinkedToNobody() {
        fixture.givenAPublished(registered(SHOP, "system:demo-data"))
                .whenPublishingA(new SellerApproved(SHOP))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aRegistrantThatCannotBeAMemberIsNotLinked() {
        fixture.givenAPublished(registered(SHOP, "x".repeat(65)))
                .whenPublishingA(new SellerApproved(SHOP))
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void theSagaStoreKeepsTheRegistrantAndNothingElse() {
        Serializer serializer = TestSerializers.likeTheApplication();
        SellerOnboarding onboarding = new SellerOnboarding();
        onboarding.on(registered(SHOP, OWNER));

        SerializedObject<String> stored = serializer.serialize(onboarding, String.class);
        SellerOnboarding loaded = serializer.deserialize(stored);

        assertThat(stored.getData()).isEqualTo("{\"registeredBy\":\"" + OWNER + "\"}");
        assertThat(serializer.serialize(loaded, String.class).getData()).isEqualTo(stored.getData());
    }

    private static Matcher<CommandMessage<?>> sentBy(String actorId) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandMessage<?> command) {
                return actorId.equals(command.getMetaData().get(AuditKeys.ACTOR_ID))
                        && "SYSTEM".equals(command.getMetaData().get(AuditKeys.ACTOR_ROLE))
                        && command.getMetaData().get(AuditKeys.REQUEST_ID) != null;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command sent by the system actor " + actorId);
            }
        };
    }
}
