package io.jangteo.command.seller;

import io.jangteo.command.seller.BusinessNumberPolicy.InvalidBusinessNumber;
import io.jangteo.command.seller.SellerAccessPolicy.NotShopOwner;
import io.jangteo.command.seller.SellerAccessPolicy.OnlyStaffMayReviewSellers;
import io.jangteo.command.seller.SellerAccessPolicy.RegistrationNeedsAnAccount;
import io.jangteo.command.seller.SellerLifecycle.OnlyActiveSellersCanBeSuspended;
import io.jangteo.command.seller.SellerLifecycle.OnlyPendingSellersAreReviewed;
import io.jangteo.command.seller.SellerLifecycle.OnlySuspendedSellersCanBeReinstated;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.command.shared.Reasons.ReasonTooLong;
import io.jangteo.command.seller.SellerLifecycle.RejectedSellerIsClosed;
import io.jangteo.command.seller.SellerProfile.DetailTooLong;
import io.jangteo.command.seller.SellerProfile.InvalidContactEmail;
import io.jangteo.command.seller.SellerProfile.InvalidContactPhone;
import io.jangteo.command.seller.SellerProfile.RequiredDetailMissing;
import io.jangteo.command.seller.SellerProfile.UnmaskedAccountNumber;
import io.jangteo.messages.seller.ApproveSeller;
import io.jangteo.messages.seller.ChangeSellerProfile;
import io.jangteo.messages.seller.ReinstateSeller;
import io.jangteo.messages.seller.RejectSeller;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SellerReinstated;
import io.jangteo.messages.seller.SellerRejected;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.seller.SuspendSeller;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.jangteo.command.seller.SellerFixtures.ACCOUNT;
import static io.jangteo.command.seller.SellerFixtures.BUSINESS_DIGITS;
import static io.jangteo.command.seller.SellerFixtures.BUSINESS_NUMBER;
import static io.jangteo.command.seller.SellerFixtures.EMAIL;
import static io.jangteo.command.seller.SellerFixtures.OTHER_SELLER;
import static io.jangteo.command.seller.SellerFixtures.OWNER;
import static io.jangteo.command.seller.SellerFixtures.PHONE;
import static io.jangteo.command.seller.SellerFixtures.PHONE_DIGITS;
import static io.jangteo.command.seller.SellerFixtures.REASON;
import static io.jangteo.command.seller.SellerFixtures.REPRESENTATIVE;
import static io.jangteo.command.seller.SellerFixtures.SELLER_ID;
import static io.jangteo.command.seller.SellerFixtures.SHOP_NAME;
import static io.jangteo.command.seller.SellerFixtures.actingAs;
import static io.jangteo.command.seller.SellerFixtures.changeProfile;
import static io.jangteo.command.seller.SellerFixtures.ofLength;
import static io.jangteo.command.seller.SellerFixtures.profileChanged;
import static io.jangteo.command.seller.SellerFixtures.registerSeller;
import static io.jangteo.command.seller.SellerFixtures.registrant;
import static io.jangteo.command.seller.SellerFixtures.seller;
import static io.jangteo.command.seller.SellerFixtures.sellerApproved;
import static io.jangteo.command.seller.SellerFixtures.sellerRegistered;
import static io.jangteo.command.seller.SellerFixtures.sellerRejected;
import static io.jangteo.command.seller.SellerFixtures.sellerSuspended;
import static io.jangteo.command.shared.Violations.violation;

/** Registration, review, suspension and profile of a shop; shipping policies are in {@link SellerShippingPolicyTest}. */
class SellerTest {

    private FixtureConfiguration<Seller> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Seller.class);
    }

    // ---- registration

    @Test
    void aSignedInCustomerRegistersAShopThatWaitsForApproval() {
        fixture.givenNoPriorActivity()
                .when(registerSeller("  " + SHOP_NAME + " ", " " + REPRESENTATIVE + "\t", BUSINESS_NUMBER,
                        " " + EMAIL + " ", PHONE, new SettlementAccount(" 088 ", " Kim Minji ", " 110-***-***789 ",
                                "tok_1")), registrant())
                .expectSuccessfulHandlerExecution()
                // normalised: stripped text, ten-digit business number, phone as digits, registrant as owner
                .expectEvents(sellerRegistered());
    }

    @Test
    void theRegisteringAccountBecomesTheOwnerWhateverItsRole() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(), Map.of(AuditKeys.ACTOR_ROLE, "SELLER", AuditKeys.ACTOR_ID, "member-9",
                        AuditKeys.ACTOR_SELLER_ID, OTHER_SELLER.value()))
                .expectEvents(new SellerRegistered(SELLER_ID, SHOP_NAME, REPRESENTATIVE, BUSINESS_DIGITS, EMAIL,
                        PHONE_DIGITS, ACCOUNT, "member-9"));
    }

    @Test
    void anAnonymousVisitorCannotRegisterAShop() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(), Map.of(AuditKeys.ACTOR_ROLE, "ANONYMOUS", AuditKeys.ACTOR_ID, "anon"))
                .expectNoEvents()
                .expectException(RegistrationNeedsAnAccount.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aCommandWithoutAnActorCannotRegisterAShop() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(), Map.of())
                .expectNoEvents()
                .expectException(RegistrationNeedsAnAccount.class);
    }

    @Test
    void anActorWithoutAnIdCannotRegisterAShop() {
        // the shop needs an owner: a role without an account id would register a shop nobody owns
        fixture.givenNoPriorActivity()
                .when(registerSeller(), Map.of(AuditKeys.ACTOR_ROLE, "CUSTOMER"))
                .expectNoEvents()
                .expectException(RegistrationNeedsAnAccount.class);
    }

    @Test
    void anUnknownRoleCannotRegisterAShop() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(), Map.of(AuditKeys.ACTOR_ROLE, "admin", AuditKeys.ACTOR_ID, "x"))
                .expectException(RegistrationNeedsAnAccount.class);
    }

    @Test
    void accessIsCheckedBeforeTheInput() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(" ", " ", "1", "x", "1", null), Map.of())
                .expectException(RegistrationNeedsAnAccount.class);
    }

    @Test
    void cannotRegisterWithoutAShopName() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(" \t", REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, PHONE, ACCOUNT), registrant())
                .expectNoEvents()
                .expectException(RequiredDetailMissing.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("shopName")));
    }

    @Test
    void cannotRegisterWithAShopNameOverAHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(ofLength(101), REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, PHONE, ACCOUNT),
                        registrant())
                .expectNoEvents()
                .expectException(DetailTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("shopName")))
                .expectExceptionMessage("A shop name has at most 100 characters");
    }

    @Test
    void aShopNameOfExactlyAHundredCharactersIsFine() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(ofLength(100), REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, PHONE, ACCOUNT),
                        registrant())
                .expectEvents(new SellerRegistered(SELLER_ID, ofLength(100), REPRESENTATIVE, BUSINESS_DIGITS, EMAIL,
                        PHONE_DIGITS, ACCOUNT, OWNER));
    }

    @Test
    void cannotRegisterWithoutARepresentative() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, null, BUSINESS_NUMBER, EMAIL, PHONE, ACCOUNT), registrant())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("representative")));
    }

    @Test
    void cannotRegisterWithARepresentativeOverFiftyCharacters() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, ofLength(51), BUSINESS_NUMBER, EMAIL, PHONE, ACCOUNT), registrant())
                .expectNoEvents()
                .expectException(DetailTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("representative")));
    }

    @Test
    void aRepresentativeOfExactlyFiftyCharactersIsFine() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, ofLength(50), BUSINESS_NUMBER, EMAIL, PHONE, ACCOUNT), registrant())
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(strings = {"124-81-00999", "123-45-67890", "124-81-0099", "", "abc-de-fghij"})
    void cannotRegisterWithAnInvalidBusinessNumber(String businessNumber) {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, REPRESENTATIVE, businessNumber, EMAIL, PHONE, ACCOUNT), registrant())
                .expectNoEvents()
                .expectException(InvalidBusinessNumber.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("businessNumber")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "shop", "shop@", "@example.com", "shop@example", "shop @example.com",
            "shop@@example.com", "shop@example."})
    void cannotRegisterWithAContactEmailOfTheWrongShape(String email) {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, REPRESENTATIVE, BUSINESS_NUMBER, email, PHONE, ACCOUNT), registrant())
                .expectNoEvents()
                .expectException(InvalidContactEmail.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("contactEmail")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-123-456", "010-1234-56789", "010 1234 5678", "+82-10-1234-5678", "010-1234-567O", ""})
    void cannotRegisterWithAContactPhoneOtherThanNineToElevenDigits(String phone) {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, phone, ACCOUNT), registrant())
                .expectNoEvents()
                .expectException(InvalidContactPhone.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("contactPhone")));
    }

    @Test
    void aNineDigitSeoulNumberIsAContactPhone() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, "02-123-4567", ACCOUNT),
                        registrant())
                .expectEvents(new SellerRegistered(SELLER_ID, SHOP_NAME, REPRESENTATIVE, BUSINESS_DIGITS, EMAIL,
                        "021234567", ACCOUNT, OWNER));
    }

    @Test
    void cannotRegisterWithoutASettlementAccount() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, PHONE, null), registrant())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("settlementAccount")));
    }

    @Test
    void aFullAccountNumberIsNeverRecorded() {
        // events are kept forever: an unmasked number would be in the store for good
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, PHONE,
                        new SettlementAccount("088", "Kim Minji", "110-123-456789", "tok_1")), registrant())
                .expectNoEvents()
                .expectException(UnmaskedAccountNumber.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("settlementAccount", "maskedNumber")));
    }

    @Test
    void cannotRegisterASettlementAccountWithoutABankCode() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, PHONE,
                        new SettlementAccount(" ", "Kim Minji", "110-***-***789", "tok_1")), registrant())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("settlementAccount", "bankCode")));
    }

    @Test
    void cannotRegisterASettlementAccountWithoutAHolder() {
        fixture.givenNoPriorActivity()
                .when(registerSeller(SHOP_NAME, REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, PHONE,
                        new SettlementAccount("088", "", "110-***-***789", "tok_1")), registrant())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("settlementAccount", "holderName")));
    }

    // ---- approval and rejection

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SYSTEM"})
    void staffApprovesAPendingShop(ActorRole role) {
        fixture.given(sellerRegistered())
                .when(new ApproveSeller(SELLER_ID), actingAs(role))
                .expectEvents(new SellerApproved(SELLER_ID))
                .expectResultMessagePayload(1L);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SYSTEM"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyStaffApprovesAShop(ActorRole role) {
        fixture.given(sellerRegistered())
                .when(new ApproveSeller(SELLER_ID), actingAs(role))
                .expectNoEvents()
                .expectException(OnlyStaffMayReviewSellers.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aSellerCannotApproveItsOwnShop() {
        fixture.given(sellerRegistered())
                .when(new ApproveSeller(SELLER_ID), seller(SELLER_ID))
                .expectNoEvents()
                .expectException(OnlyStaffMayReviewSellers.class);
    }

    @Test
    void cannotApproveAnActiveShopAgain() {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(new ApproveSeller(SELLER_ID), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(OnlyPendingSellersAreReviewed.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()))
                .expectExceptionMessage("Only a pending shop can be approved or rejected; this one is ACTIVE");
    }

    @Test
    void cannotApproveARejectedShop() {
        fixture.given(sellerRegistered(), sellerRejected())
                .when(new ApproveSeller(SELLER_ID), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(OnlyPendingSellersAreReviewed.class);
    }

    @Test
    void cannotApproveASuspendedShop() {
        // reinstating is the way back, with a reason; approval would skip it
        fixture.given(sellerRegistered(), sellerApproved(), sellerSuspended())
                .when(new ApproveSeller(SELLER_ID), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(OnlyPendingSellersAreReviewed.class);
    }

    @Test
    void cannotApproveAShopThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new ApproveSeller(SELLER_ID), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void adminRejectsAPendingShopWithAReason() {
        fixture.given(sellerRegistered())
                .when(new RejectSeller(SELLER_ID, "  " + REASON + "\n"), actingAs(ActorRole.ADMIN))
                .expectEvents(new SellerRejected(SELLER_ID, REASON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotRejectWithoutAReason() {
        fixture.given(sellerRegistered())
                .when(new RejectSeller(SELLER_ID, " "), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(ReasonRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
    }

    @Test
    void cannotRejectWithAReasonOverFiveHundredCharacters() {
        fixture.given(sellerRegistered())
                .when(new RejectSeller(SELLER_ID, ofLength(501)), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(ReasonTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
    }

    @Test
    void aReasonOfExactlyFiveHundredCharactersIsFine() {
        fixture.given(sellerRegistered())
                .when(new RejectSeller(SELLER_ID, ofLength(500)), actingAs(ActorRole.ADMIN))
                .expectEvents(new SellerRejected(SELLER_ID, ofLength(500)));
    }

    @Test
    void cannotRejectAnActiveShop() {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(new RejectSeller(SELLER_ID, REASON), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(OnlyPendingSellersAreReviewed.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void aSellerCannotRejectAShop() {
        fixture.given(sellerRegistered())
                .when(new RejectSeller(SELLER_ID, REASON), seller(SELLER_ID))
                .expectNoEvents()
                .expectException(OnlyStaffMayReviewSellers.class);
    }

    @Test
    void theStateIsCheckedBeforeTheReason() {
        fixture.given(sellerRegistered(), sellerRejected())
                .when(new RejectSeller(SELLER_ID, ""), actingAs(ActorRole.ADMIN))
                .expectException(OnlyPendingSellersAreReviewed.class);
    }

    // ---- suspension and reinstatement

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SYSTEM"})
    void staffSuspendsAnActiveShop(ActorRole role) {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(new SuspendSeller(SELLER_ID, " Counterfeit goods reported "), actingAs(role))
                .expectEvents(new SellerSuspended(SELLER_ID, "Counterfeit goods reported"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aSellerCannotSuspendAShop() {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(new SuspendSeller(SELLER_ID, REASON), seller(SELLER_ID))
                .expectNoEvents()
                .expectException(OnlyStaffMayReviewSellers.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void cannotSuspendAPendingShop() {
        fixture.given(sellerRegistered())
                .when(new SuspendSeller(SELLER_ID, REASON), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(OnlyActiveSellersCanBeSuspended.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void cannotSuspendASuspendedShopAgain() {
        fixture.given(sellerRegistered(), sellerApproved(), sellerSuspended())
                .when(new SuspendSeller(SELLER_ID, REASON), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(OnlyActiveSellersCanBeSuspended.class);
    }

    @Test
    void cannotSuspendWithoutAReason() {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(new SuspendSeller(SELLER_ID, null), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(ReasonRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
    }

    @Test
    void cannotSuspendWithAReasonOverFiveHundredCharacters() {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(new SuspendSeller(SELLER_ID, ofLength(501)), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(ReasonTooLong.class);
    }

    @Test
    void adminReinstatesASuspendedShop() {
        fixture.given(sellerRegistered(), sellerApproved(), sellerSuspended())
                .when(new ReinstateSeller(SELLER_ID, "Supplier invoices checked"), actingAs(ActorRole.ADMIN))
                .expectEvents(new SellerReinstated(SELLER_ID, "Supplier invoices checked"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aReinstatedShopIsActiveAndCanBeSuspendedAgain() {
        fixture.given(sellerRegistered(), sellerApproved(), sellerSuspended(),
                        new SellerReinstated(SELLER_ID, "Supplier invoices checked"))
                .when(new SuspendSeller(SELLER_ID, "Again"), actingAs(ActorRole.ADMIN))
                .expectEvents(new SellerSuspended(SELLER_ID, "Again"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotReinstateAnActiveShop() {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(new ReinstateSeller(SELLER_ID, REASON), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(OnlySuspendedSellersCanBeReinstated.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void cannotReinstateARejectedShop() {
        fixture.given(sellerRegistered(), sellerRejected())
                .when(new ReinstateSeller(SELLER_ID, REASON), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(OnlySuspendedSellersCanBeReinstated.class);
    }

    @Test
    void cannotReinstateWithoutAReason() {
        fixture.given(sellerRegistered(), sellerApproved(), sellerSuspended())
                .when(new ReinstateSeller(SELLER_ID, "\t"), actingAs(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(ReasonRequired.class);
    }

    @Test
    void aSuspendedSellerCannotReinstateItself() {
        fixture.given(sellerRegistered(), sellerApproved(), sellerSuspended())
                .when(new ReinstateSeller(SELLER_ID, "We fixed it"), seller(SELLER_ID))
                .expectNoEvents()
                .expectException(OnlyStaffMayReviewSellers.class);
    }

    // ---- profile

    @Test
    void theShopsOwnSellerChangesItsProfile() {
        SettlementAccount newAccount = new SettlementAccount("004", "Kim Minji", "***-**-****-123", "tok_2");
        fixture.given(sellerRegistered(), sellerApproved())
                .when(changeProfile(" Hallasan Tangerines ", "010-9876-5432", newAccount), seller(SELLER_ID))
                .expectEvents(profileChanged("Hallasan Tangerines", "01098765432", newAccount))
                .expectResultMessagePayload(2L);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SYSTEM"})
    void staffChangesAShopsProfile(ActorRole role) {
        fixture.given(sellerRegistered())
                .when(changeProfile("Hallasan Tangerines", PHONE, ACCOUNT), actingAs(role))
                .expectEvents(profileChanged("Hallasan Tangerines", PHONE_DIGITS, ACCOUNT))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aSuspendedShopMayStillFixItsProfile() {
        fixture.given(sellerRegistered(), sellerApproved(), sellerSuspended())
                .when(changeProfile("Hallasan Tangerines", PHONE, ACCOUNT), seller(SELLER_ID))
                .expectEvents(profileChanged("Hallasan Tangerines", PHONE_DIGITS, ACCOUNT));
    }

    @Test
    void anotherSellerCannotChangeTheProfile() {
        fixture.given(sellerRegistered())
                .when(changeProfile("Hallasan Tangerines", PHONE, ACCOUNT), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotShopOwner.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void theRegistrantWithoutItsSellerRoleCannotChangeTheProfile() {
        // ownership is proven by the SELLER role bound to this shop, not by having registered it
        fixture.given(sellerRegistered())
                .when(changeProfile("Hallasan Tangerines", PHONE, ACCOUNT), registrant())
                .expectNoEvents()
                .expectException(NotShopOwner.class);
    }

    @Test
    void anotherSellerCannotProbeTheProfileWithANoOpChange() {
        fixture.given(sellerRegistered())
                .when(changeProfile(SHOP_NAME, PHONE, ACCOUNT), seller(OTHER_SELLER))
                .expectException(NotShopOwner.class);
    }

    @Test
    void theSameProfileWrittenDifferentlyChangesNothing() {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(changeProfile(" " + SHOP_NAME, PHONE_DIGITS, ACCOUNT), seller(SELLER_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void changingBackToTheRegisteredProfileIsAChange() {
        fixture.given(sellerRegistered(), profileChanged("Hallasan Tangerines", PHONE_DIGITS, ACCOUNT))
                .when(changeProfile(SHOP_NAME, PHONE, ACCOUNT), seller(SELLER_ID))
                .expectEvents(profileChanged(SHOP_NAME, PHONE_DIGITS, ACCOUNT))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aChangedProfileIsTheNewBaseline() {
        fixture.given(sellerRegistered(), profileChanged("Hallasan Tangerines", PHONE_DIGITS, ACCOUNT))
                .when(changeProfile("Hallasan Tangerines", PHONE, ACCOUNT), seller(SELLER_ID))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aRejectedShopCannotChangeItsProfile() {
        fixture.given(sellerRegistered(), sellerRejected())
                .when(changeProfile("Hallasan Tangerines", PHONE, ACCOUNT), seller(SELLER_ID))
                .expectNoEvents()
                .expectException(RejectedSellerIsClosed.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void aProfileChangeFollowsTheRegistrationRules() {
        fixture.given(sellerRegistered())
                .when(new ChangeSellerProfile(SELLER_ID, SHOP_NAME, REPRESENTATIVE, "not-an-email", PHONE, ACCOUNT),
                        seller(SELLER_ID))
                .expectNoEvents()
                .expectException(InvalidContactEmail.class);
    }

    @Test
    void aProfileChangeCannotRecordAFullAccountNumber() {
        fixture.given(sellerRegistered())
                .when(changeProfile(SHOP_NAME, PHONE, new SettlementAccount("088", "Kim Minji", "110123456789", null)),
                        seller(SELLER_ID))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("settlementAccount", "maskedNumber")));
    }

    @Test
    void aProfileChangeNeedsAShopName() {
        fixture.given(sellerRegistered())
                .when(changeProfile("", PHONE, ACCOUNT), seller(SELLER_ID))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("shopName")));
    }

    @Test
    void cannotChangeTheProfileOfAShopThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(changeProfile(SHOP_NAME, PHONE, ACCOUNT), actingAs(ActorRole.ADMIN))
                .expectException(AggregateNotFoundException.class);
    }
}
