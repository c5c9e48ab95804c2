package io.jangteo.command.member;

import io.jangteo.command.identity.IdentityVerificationRefused;
import io.jangteo.command.member.ContactDetails.InvalidPhone;
import io.jangteo.command.member.IdentityRules.IdentityInputMissing;
import io.jangteo.command.member.IdentityRules.InvalidBirthDate;
import io.jangteo.command.member.IdentityRules.NoPendingVerification;
import io.jangteo.command.member.MemberAccessPolicy.OnlyTheMemberMay;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.member.ConfirmIdentityVerification;
import io.jangteo.messages.member.IdentityVerificationFailed;
import io.jangteo.messages.member.IdentityVerificationRequested;
import io.jangteo.messages.member.IdentityVerified;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.member.RequestIdentityVerification;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.jangteo.command.member.FakeIdentityVerifier.CODE;
import static io.jangteo.command.member.FakeIdentityVerifier.PROVIDER;
import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.NAME;
import static io.jangteo.command.member.MemberFixtures.NOW;
import static io.jangteo.command.member.MemberFixtures.PHONE;
import static io.jangteo.command.member.MemberFixtures.PHONE_DIGITS;
import static io.jangteo.command.member.MemberFixtures.anotherCustomer;
import static io.jangteo.command.member.MemberFixtures.memberRegistered;
import static io.jangteo.command.member.MemberFixtures.satisfying;
import static io.jangteo.command.member.MemberFixtures.self;
import static io.jangteo.command.member.MemberFixtures.staff;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/** 본인인증: the member asks the provider for a code and confirms it; a refusal is recorded, not thrown. */
class MemberIdentityVerificationTest {

    private static final VerificationId VERIFICATION = VerificationId.of("v-1");
    private static final LocalDate BORN = LocalDate.of(1995, 3, 14);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MemberPorts ports = new MemberPorts(mongo.freshDatabase());
    private final FixtureConfiguration<Member> fixture = ports.fixture();
    private static RequestIdentityVerification request(String name, LocalDate birthDate, PhoneCarrier carrier,
                                                       String phone) {
        return new RequestIdentityVerification(MEMBER_ID, VERIFICATION, name, birthDate, carrier, phone);
    }

    /** A code the fake provider has sent for this person, and the event that recorded it. */
    private IdentityVerificationRequested codeSent(LocalDate birthDate) {
        String transactionId = ports.verifier.requestCode(NAME, birthDate, PhoneCarrier.KT_MVNO, PHONE_DIGITS);
        return new IdentityVerificationRequested(MEMBER_ID, VERIFICATION, PROVIDER, transactionId);
    }

    // ---- request

    @Test
    void theMemberAsksForACode() {
        fixture.given(memberRegistered())
                .when(request(" " + NAME, BORN, PhoneCarrier.SKT, PHONE), self())
                .expectEvents(new IdentityVerificationRequested(MEMBER_ID, VERIFICATION, PROVIDER, "tx-1"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aRefusalAtOnceByTheProviderRecordsNothing() {
        fixture.given(memberRegistered())
                .when(request(FakeIdentityVerifier.UNKNOWN_PERSON, BORN, PhoneCarrier.SKT, PHONE), self())
                .expectNoEvents()
                .expectException(IdentityVerificationRefused.class)
                .expectException(violation(ErrorCode.PROVIDER_REFUSED, List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ADMIN", "SYSTEM"})
    void staffCannotVerifyForTheMember(ActorRole role) {
        fixture.given(memberRegistered())
                .when(request(NAME, BORN, PhoneCarrier.SKT, PHONE), staff(role))
                .expectNoEvents()
                .expectException(OnlyTheMemberMay.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void anotherCustomerCannotVerifyForTheMember() {
        fixture.given(memberRegistered())
                .when(request(NAME, BORN, PhoneCarrier.SKT, PHONE), anotherCustomer())
                .expectException(OnlyTheMemberMay.class);
    }

    @Test
    void aBirthDateIsRequired() {
        fixture.given(memberRegistered())
                .when(request(NAME, null, PhoneCarrier.SKT, PHONE), self())
                .expectException(InvalidBirthDate.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("birthDate")));
    }

    @Test
    void aBirthDateIsNotInTheFuture() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered())
                .when(request(NAME, LocalDate.of(2026, 11, 21), PhoneCarrier.SKT, PHONE), self())
                .expectException(InvalidBirthDate.class);
    }

    @Test
    void aCarrierIsRequired() {
        fixture.given(memberRegistered())
                .when(request(NAME, BORN, null, PHONE), self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("carrier")));
    }

    @Test
    void aVerificationIdIsRequired() {
        fixture.given(memberRegistered())
                .when(new RequestIdentityVerification(MEMBER_ID, null, NAME, BORN, PhoneCarrier.SKT, PHONE), self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("verificationId")));
    }

    @Test
    void onlyAKoreanMobileCanBeVerified() {
        fixture.given(memberRegistered())
                .when(request(NAME, BORN, PhoneCarrier.SKT, "+442079460958"), self())
                .expectNoEvents()
                .expectException(InvalidPhone.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("phone")));
    }

    @Test
    void aNameIsRequired() {
        fixture.given(memberRegistered())
                .when(request(" ", BORN, PhoneCarrier.SKT, PHONE), self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")));
    }

    // ---- confirmation

    @Test
    void theRightCodeVerifiesTheMember() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), codeSent(BORN))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, CODE), self())
                .expectEvents(new IdentityVerified(MEMBER_ID, VERIFICATION, PROVIDER, NAME, BORN,
                        PhoneCarrier.KT_MVNO, PHONE_DIGITS, Secrets.sha256Hex("ci-" + PHONE_DIGITS), true))
                .expectResultMessagePayload(2L);

        assertThat(ports.verifier.confirmedTransactions).containsExactly("tx-1");
    }

    @Test
    void onlyADigestOfTheCiIsRecorded() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), codeSent(BORN))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, CODE), self())
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                satisfying(IdentityVerified.class, verified ->
                                        assertThat(verified.ciHash()).matches("[0-9a-f]{64}")
                                                .doesNotContain(PHONE_DIGITS)))));
    }

    @Test
    void nineteenOnTheDayIsAdult() {
        assertAdult(LocalDate.of(2007, 11, 20), NOW, true);
    }

    @Test
    void nineteenTomorrowIsNotAdult() {
        assertAdult(LocalDate.of(2007, 11, 21), NOW, false);
    }

    @Test
    void theDayIsSeoulsNotUtcs() {
        // 00:30 on 20 November in Seoul is still 19 November in UTC
        assertAdult(LocalDate.of(2007, 11, 20), Instant.parse("2026-11-19T15:30:00Z"), true);
    }

    @Test
    void bornOnALeapDayTheBirthdayIsReachedOnTheTwentyEighth() {
        // 2004-02-29 + 19 years = 2023-02-28
        assertAdult(LocalDate.of(2004, 2, 29), Instant.parse("2023-02-28T03:00:00Z"), true);
        assertAdult(LocalDate.of(2004, 2, 29), Instant.parse("2023-02-27T03:00:00Z"), false);
    }

    private void assertAdult(LocalDate birthDate, Instant now, boolean adult) {
        FixtureConfiguration<Member> fresh = ports.fixture();
        fresh.givenCurrentTime(now)
                .andGiven(memberRegistered(), codeSent(birthDate))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, CODE), self())
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                satisfying(IdentityVerified.class, verified ->
                                        assertThat(verified.adult()).as("adult").isEqualTo(adult)))));
    }

    @Test
    void aWrongCodeIsRecordedAsAFailureNotThrown() {
        fixture.given(memberRegistered(), codeSent(BORN))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, "000000"), self())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IdentityVerificationFailed(MEMBER_ID, VERIFICATION, "wrong code"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void afterAFailureANewCodeMustBeRequested() {
        fixture.given(memberRegistered(), codeSent(BORN),
                        new IdentityVerificationFailed(MEMBER_ID, VERIFICATION, "wrong code"))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, CODE), self())
                .expectNoEvents()
                .expectException(NoPendingVerification.class);
    }

    @Test
    void aVerificationIsConfirmedOnce() {
        IdentityVerificationRequested sent = codeSent(BORN);
        fixture.given(memberRegistered(), sent, new IdentityVerified(MEMBER_ID, VERIFICATION, PROVIDER, NAME, BORN,
                        PhoneCarrier.KT_MVNO, PHONE_DIGITS, "hash", true))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, CODE), self())
                .expectException(NoPendingVerification.class);
    }

    @Test
    void cannotConfirmWithoutARequest() {
        fixture.given(memberRegistered())
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, CODE), self())
                .expectNoEvents()
                .expectException(NoPendingVerification.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("verificationId")));

        assertThat(ports.verifier.confirmedTransactions).isEmpty();
    }

    @Test
    void cannotConfirmAnotherVerification() {
        fixture.given(memberRegistered(), codeSent(BORN))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VerificationId.of("v-2"), CODE), self())
                .expectException(NoPendingVerification.class);
    }

    @Test
    void theLatestRequestIsTheOneConfirmed() {
        IdentityVerificationRequested first = codeSent(BORN);
        String secondTransaction = ports.verifier.requestCode(NAME, BORN, PhoneCarrier.SKT, PHONE_DIGITS);
        VerificationId second = VerificationId.of("v-2");
        fixture.given(memberRegistered(), first,
                        new IdentityVerificationRequested(MEMBER_ID, second, PROVIDER, secondTransaction))
                .when(new ConfirmIdentityVerification(MEMBER_ID, second, CODE), self())
                .expectSuccessfulHandlerExecution();

        assertThat(ports.verifier.confirmedTransactions).containsExactly(secondTransaction);
    }

    @Test
    void aCodeIsRequired() {
        fixture.given(memberRegistered(), codeSent(BORN))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, " "), self())
                .expectNoEvents()
                .expectException(IdentityInputMissing.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("code")));
    }

    @Test
    void staffCannotConfirmForTheMember() {
        fixture.given(memberRegistered(), codeSent(BORN))
                .when(new ConfirmIdentityVerification(MEMBER_ID, VERIFICATION, CODE), staff(ActorRole.SUPPORT))
                .expectException(OnlyTheMemberMay.class);
    }
}
