package io.jangteo.command.member;

import io.jangteo.command.member.AddressRules.AddressDetailMissing;
import io.jangteo.command.member.AddressRules.AddressDetailTooLong;
import io.jangteo.command.member.AddressRules.DuplicateAddressId;
import io.jangteo.command.member.AddressRules.InvalidCountry;
import io.jangteo.command.member.AddressRules.InvalidPostcode;
import io.jangteo.command.member.AddressRules.TooManyAddresses;
import io.jangteo.command.member.AddressRules.UnknownAddress;
import io.jangteo.command.member.ContactDetails.InvalidPhone;
import io.jangteo.command.member.MemberAccessPolicy.NotYourAccount;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.member.AddAddress;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressChanged;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.AddressRemoved;
import io.jangteo.messages.member.ChangeAddress;
import io.jangteo.messages.member.ChooseDefaultAddress;
import io.jangteo.messages.member.DefaultAddressChosen;
import io.jangteo.messages.member.RemoveAddress;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.jangteo.command.member.MemberFixtures.HOME;
import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.OFFICE;
import static io.jangteo.command.member.MemberFixtures.REASON;
import static io.jangteo.command.member.MemberFixtures.addressAdded;
import static io.jangteo.command.member.MemberFixtures.anotherCustomer;
import static io.jangteo.command.member.MemberFixtures.home;
import static io.jangteo.command.member.MemberFixtures.memberRegistered;
import static io.jangteo.command.member.MemberFixtures.office;
import static io.jangteo.command.member.MemberFixtures.ofLength;
import static io.jangteo.command.member.MemberFixtures.self;
import static io.jangteo.command.member.MemberFixtures.staff;
import static io.jangteo.command.member.MemberFixtures.tokyo;
import static io.jangteo.command.shared.Violations.violation;

/** The address book: at most ten addresses, always a default while any exist. */
class MemberAddressBookTest {

    private static final AddressId CABIN = AddressId.of("a-cabin");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final FixtureConfiguration<Member> fixture = new MemberPorts(mongo.freshDatabase()).fixture();
    private static AddAddress add(AddressId addressId, Address address, boolean makeDefault) {
        return new AddAddress(MEMBER_ID, addressId, address, makeDefault, null);
    }

    // ---- adding

    @Test
    void theFirstAddressBecomesTheDefaultUnasked() {
        fixture.given(memberRegistered())
                .when(add(HOME, home(), false), self())
                .expectEvents(addressAdded(HOME, home(), true))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aFurtherAddressIsNotTheDefaultUnlessAsked() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(add(OFFICE, office(), false), self())
                .expectEvents(addressAdded(OFFICE, office(), false));
    }

    @Test
    void aFurtherAddressBecomesTheDefaultWhenAsked() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(add(OFFICE, office(), true), self())
                .expectEvents(addressAdded(OFFICE, office(), true));
    }

    @Test
    void aKoreanAddressIsRecordedNormalised() {
        Address typed = new Address(" Home ", " Kim Minji ", "010-1234-5678", "KR", " 06236 ",
                " 서울특별시 강남구 테헤란로 152 ", " 12층 ", "Seoul", "Gangnam");
        fixture.given(memberRegistered())
                .when(add(HOME, typed, false), self())
                // stripped, phone as digits, city and region unused in Korea
                .expectEvents(addressAdded(HOME, home(), true));
    }

    @Test
    void blankOptionalPartsAreRecordedAsAbsent() {
        Address typed = new Address("  ", "Kim Minji", "01012345678", "KR", "63309", "제주특별자치도 제주시 첨단로 242",
                " ", null, null);
        fixture.given(memberRegistered())
                .when(add(OFFICE, typed, false), self())
                .expectEvents(addressAdded(OFFICE, Address.korean(null, "Kim Minji", "01012345678", "63309",
                        "제주특별자치도 제주시 첨단로 242", null), true));
    }

    @Test
    void anOverseasAddressIsAccepted() {
        fixture.given(memberRegistered())
                .when(add(HOME, tokyo(), false), self())
                .expectEvents(addressAdded(HOME, tokyo(), true));
    }

    @Test
    void anOverseasAddressNeedsACity() {
        Address noCity = new Address(null, "Kim Minji", "+81312345678", "JP", "100-0005", "1-1 Marunouchi", null,
                " ", null);
        fixture.given(memberRegistered())
                .when(add(HOME, noCity, false), self())
                .expectNoEvents()
                .expectException(AddressDetailMissing.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address", "city")));
    }

    @Test
    void anOverseasPostcodeHasAtMostTwentyCharacters() {
        Address longPostcode = new Address(null, "Kim Minji", "+81312345678", "JP", "1".repeat(21),
                "1-1 Marunouchi", null, "Tokyo", null);
        fixture.given(memberRegistered())
                .when(add(HOME, longPostcode, false), self())
                .expectException(AddressDetailTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address", "postcode")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kr", "jp", "XX", "JPN", "", "K"})
    void aCountryIsAnUpperCaseIsoCode(String country) {
        Address address = new Address(null, "Kim Minji", "+81312345678", country, "100-0005", "1-1 Marunouchi",
                null, "Tokyo", null);
        fixture.given(memberRegistered())
                .when(add(HOME, address, false), self())
                .expectNoEvents()
                .expectException(InvalidCountry.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address", "country")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234", "123456", "06-236", "abcde"})
    void aKoreanPostcodeHasFiveDigits(String postcode) {
        fixture.given(memberRegistered())
                .when(add(HOME, Address.korean(null, "Kim Minji", "01012345678", postcode, "테헤란로 152", null),
                        false), self())
                .expectNoEvents()
                .expectException(InvalidPostcode.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address", "postcode")));
    }

    @Test
    void aKoreanAddressNeedsARoadAddress() {
        fixture.given(memberRegistered())
                .when(add(HOME, Address.korean(null, "Kim Minji", "01012345678", "06236", " ", "12층"), false),
                        self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address", "line1")));
    }

    @Test
    void aRoadAddressHasAtMost200Characters() {
        fixture.given(memberRegistered())
                .when(add(HOME, Address.korean(null, "Kim Minji", "01012345678", "06236", ofLength(201), null),
                        false), self())
                .expectException(AddressDetailTooLong.class);
    }

    @Test
    void aDetailOf200CharactersIsFine() {
        Address address = Address.korean(null, "Kim Minji", "01012345678", "06236", ofLength(200), ofLength(200));
        fixture.given(memberRegistered())
                .when(add(HOME, address, false), self())
                .expectEvents(addressAdded(HOME, address, true));
    }

    @Test
    void aLabelHasAtMostTwentyCharacters() {
        fixture.given(memberRegistered())
                .when(add(HOME, Address.korean(ofLength(21), "Kim Minji", "01012345678", "06236", "테헤란로 152",
                        null), false), self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address", "label")));
    }

    @Test
    void anAddressNeedsARecipient() {
        fixture.given(memberRegistered())
                .when(add(HOME, Address.korean(null, " ", "01012345678", "06236", "테헤란로 152", null), false), self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address", "recipient")));
    }

    @Test
    void aRecipientHasAtMostFiftyCharacters() {
        fixture.given(memberRegistered())
                .when(add(HOME, Address.korean(null, ofLength(51), "01012345678", "06236", "테헤란로 152", null),
                        false), self())
                .expectException(AddressDetailTooLong.class);
    }

    @Test
    void aRecipientsPhoneFollowsThePhoneRules() {
        fixture.given(memberRegistered())
                .when(add(HOME, Address.korean(null, "Kim Minji", "02-123-4567", "06236", "테헤란로 152", null),
                        false), self())
                .expectException(InvalidPhone.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address", "phone")));
    }

    @Test
    void anAddressIsRequired() {
        fixture.given(memberRegistered())
                .when(add(HOME, null, false), self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("address")));
    }

    @Test
    void anAddressIdIsRequired() {
        fixture.given(memberRegistered())
                .when(add(null, home(), false), self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("addressId")));
    }

    @Test
    void anAddressIdIsUsedOnce() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(add(HOME, office(), false), self())
                .expectNoEvents()
                .expectException(DuplicateAddressId.class)
                .expectException(violation(ErrorCode.DUPLICATE, List.of("addressId")));
    }

    @Test
    void anAddressBookHoldsAtMostTenAddresses() {
        List<Object> history = new ArrayList<>(List.of(memberRegistered()));
        for (int i = 0; i < 10; i++) {
            history.add(addressAdded(AddressId.of("a-" + i), home(), i == 0));
        }
        fixture.given(history)
                .when(add(HOME, home(), false), self())
                .expectNoEvents()
                .expectException(TooManyAddresses.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void theTenthAddressIsFine() {
        List<Object> history = new ArrayList<>(List.of(memberRegistered()));
        for (int i = 0; i < 9; i++) {
            history.add(addressAdded(AddressId.of("a-" + i), home(), i == 0));
        }
        fixture.given(history)
                .when(add(HOME, home(), false), self())
                .expectEvents(addressAdded(HOME, home(), false));
    }

    @Test
    void aRemovedAddressFreesItsPlace() {
        List<Object> history = new ArrayList<>(List.of(memberRegistered()));
        for (int i = 0; i < 10; i++) {
            history.add(addressAdded(AddressId.of("a-" + i), home(), i == 0));
        }
        history.add(new AddressRemoved(MEMBER_ID, AddressId.of("a-3"), AddressId.of("a-0"), null));
        fixture.given(history)
                .when(add(HOME, home(), false), self())
                .expectEvents(addressAdded(HOME, home(), false));
    }

    // ---- who may

    @Test
    void supportAddsAnAddressWithAReason() {
        fixture.given(memberRegistered())
                .when(new AddAddress(MEMBER_ID, HOME, home(), false, REASON), staff(ActorRole.SUPPORT))
                .expectEvents(new AddressAdded(MEMBER_ID, HOME, home(), true, REASON));
    }

    @Test
    void supportNeedsAReasonToChangeTheBook() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(new RemoveAddress(MEMBER_ID, HOME, null), staff(ActorRole.SUPPORT))
                .expectNoEvents()
                .expectException(ReasonRequired.class);
    }

    @Test
    void anotherCustomerCannotTouchTheBook() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(new ChooseDefaultAddress(MEMBER_ID, HOME, null), anotherCustomer())
                .expectNoEvents()
                .expectException(NotYourAccount.class);
    }

    // ---- changing

    @Test
    void theMemberChangesAnAddress() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(new ChangeAddress(MEMBER_ID, HOME, office(), null), self())
                .expectEvents(new AddressChanged(MEMBER_ID, HOME, office(), null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theSameAddressWrittenDifferentlyChangesNothing() {
        Address typed = new Address("Home ", "Kim Minji", "010 1234 5678", "KR", "06236",
                "서울특별시 강남구 테헤란로 152", "12층 ", null, null);
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(new ChangeAddress(MEMBER_ID, HOME, typed, null), self())
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aChangedAddressIsTheNewBaseline() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true),
                        new AddressChanged(MEMBER_ID, HOME, office(), null))
                .when(new ChangeAddress(MEMBER_ID, HOME, office(), null), self())
                .expectNoEvents();
    }

    @Test
    void cannotChangeAnUnknownAddress() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(new ChangeAddress(MEMBER_ID, OFFICE, office(), null), self())
                .expectNoEvents()
                .expectException(UnknownAddress.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("addressId")));
    }

    @Test
    void aChangedAddressFollowsTheAddressRules() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(new ChangeAddress(MEMBER_ID, HOME, Address.korean(null, "Kim", "01012345678", "0623",
                        "테헤란로", null), null), self())
                .expectException(InvalidPostcode.class);
    }

    // ---- removing and the default

    @Test
    void removingAnotherAddressKeepsTheDefault() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true), addressAdded(OFFICE, office(), false))
                .when(new RemoveAddress(MEMBER_ID, OFFICE, null), self())
                .expectEvents(new AddressRemoved(MEMBER_ID, OFFICE, HOME, null));
    }

    @Test
    void removingTheDefaultMakesTheMostRecentlyAddedRemainingOneTheDefault() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true), addressAdded(OFFICE, office(), false),
                        addressAdded(CABIN, tokyo(), false))
                .when(new RemoveAddress(MEMBER_ID, HOME, null), self())
                .expectEvents(new AddressRemoved(MEMBER_ID, HOME, CABIN, null));
    }

    @Test
    void aDefaultChosenLaterIsTheOneReplaced() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true), addressAdded(OFFICE, office(), false),
                        addressAdded(CABIN, tokyo(), false), new DefaultAddressChosen(MEMBER_ID, OFFICE, null))
                .when(new RemoveAddress(MEMBER_ID, OFFICE, null), self())
                .expectEvents(new AddressRemoved(MEMBER_ID, OFFICE, CABIN, null));
    }

    @Test
    void removingTheLastAddressLeavesNoDefault() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true))
                .when(new RemoveAddress(MEMBER_ID, HOME, null), self())
                .expectEvents(new AddressRemoved(MEMBER_ID, HOME, null, null));
    }

    @Test
    void theNextAddressAfterAnEmptiedBookBecomesTheDefault() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true),
                        new AddressRemoved(MEMBER_ID, HOME, null, null))
                .when(add(OFFICE, office(), false), self())
                .expectEvents(addressAdded(OFFICE, office(), true));
    }

    @Test
    void cannotRemoveAnUnknownAddress() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true), new AddressRemoved(MEMBER_ID, HOME,
                        null, null))
                .when(new RemoveAddress(MEMBER_ID, HOME, null), self())
                .expectNoEvents()
                .expectException(UnknownAddress.class);
    }

    @Test
    void theMemberChoosesAnotherDefault() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true), addressAdded(OFFICE, office(), false))
                .when(new ChooseDefaultAddress(MEMBER_ID, OFFICE, null), self())
                .expectEvents(new DefaultAddressChosen(MEMBER_ID, OFFICE, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void choosingTheCurrentDefaultChangesNothing() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true), addressAdded(OFFICE, office(), true))
                .when(new ChooseDefaultAddress(MEMBER_ID, OFFICE, null), self())
                .expectNoEvents();
    }

    @Test
    void theDefaultAfterARemovalIsKnown() {
        fixture.given(memberRegistered(), addressAdded(HOME, home(), true), addressAdded(OFFICE, office(), false),
                        new AddressRemoved(MEMBER_ID, HOME, OFFICE, null))
                .when(new ChooseDefaultAddress(MEMBER_ID, OFFICE, null), self())
                .expectNoEvents();
    }

    @Test
    void cannotChooseAnUnknownAddress() {
        fixture.given(memberRegistered())
                .when(new ChooseDefaultAddress(MEMBER_ID, HOME, null), self())
                .expectException(UnknownAddress.class);
    }
}
