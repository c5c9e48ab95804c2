package io.jangteo.command.member;

import io.jangteo.command.member.MemberAccessPolicy.OnlyAdminsAssignRoles;
import io.jangteo.command.member.MemberAccessPolicy.OnlyStaffMay;
import io.jangteo.command.member.MemberAccessPolicy.OnlySystemLinksShops;
import io.jangteo.command.member.MemberLifecycle.AccountNotLocked;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.command.member.RoleRules.AccessedFieldsRequired;
import io.jangteo.command.member.RoleRules.PurposeTooLong;
import io.jangteo.command.member.RoleRules.RoleNotAssignable;
import io.jangteo.command.member.RoleRules.ShopRequired;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.member.AccountUnlocked;
import io.jangteo.messages.member.ChangeMemberRole;
import io.jangteo.messages.member.LinkSellerShop;
import io.jangteo.messages.member.MemberRoleChanged;
import io.jangteo.messages.member.PersonalDataAccessed;
import io.jangteo.messages.member.RecordPersonalDataAccess;
import io.jangteo.messages.member.UnlockMember;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.NOW;
import static io.jangteo.command.member.MemberFixtures.REASON;
import static io.jangteo.command.member.MemberFixtures.accountLocked;
import static io.jangteo.command.member.MemberFixtures.actingAs;
import static io.jangteo.command.member.MemberFixtures.loginFailed;
import static io.jangteo.command.member.MemberFixtures.memberRegistered;
import static io.jangteo.command.member.MemberFixtures.ofLength;
import static io.jangteo.command.member.MemberFixtures.self;
import static io.jangteo.command.member.MemberFixtures.staff;
import static io.jangteo.command.member.MemberFixtures.system;
import static io.jangteo.command.shared.Violations.violation;

/** What only staff or system actors do to an account: unlock, roles, shop link, and the audit of reads. */
class MemberStaffTest {

    private static final SellerId SHOP = SellerId.of("s-1");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final FixtureConfiguration<Member> fixture = new MemberPorts(mongo.freshDatabase()).fixture();

    // ---- unlock

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ADMIN"})
    void staffLiftALockEarly(ActorRole role) {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(5), accountLocked(NOW.plus(Duration.ofMinutes(10))))
                .when(new UnlockMember(MEMBER_ID, " " + REASON), staff(role))
                .expectEvents(new AccountUnlocked(MEMBER_ID, REASON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void unlockingNeedsAReason() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), accountLocked(NOW.plus(Duration.ofMinutes(10))))
                .when(new UnlockMember(MEMBER_ID, null), staff(ActorRole.SUPPORT))
                .expectNoEvents()
                .expectException(ReasonRequired.class);
    }

    @Test
    void anAccountThatIsNotLockedCannotBeUnlocked() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(3))
                .when(new UnlockMember(MEMBER_ID, REASON), staff(ActorRole.SUPPORT))
                .expectNoEvents()
                .expectException(AccountNotLocked.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void aLockThatHasRunOutCannotBeLifted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), accountLocked(NOW))
                .when(new UnlockMember(MEMBER_ID, REASON), staff(ActorRole.SUPPORT))
                .expectException(AccountNotLocked.class);
    }

    @Test
    void aLockedMemberCannotUnlockThemselves() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), accountLocked(NOW.plus(Duration.ofMinutes(10))))
                .when(new UnlockMember(MEMBER_ID, "it was me"), self())
                .expectNoEvents()
                .expectException(OnlyStaffMay.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ANALYST", "SYSTEM", "SELLER", "CUSTOMER", "ANONYMOUS"})
    void onlySupportAndAdminsUnlock(ActorRole role) {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), accountLocked(NOW.plus(Duration.ofMinutes(10))))
                .when(new UnlockMember(MEMBER_ID, REASON), staff(role))
                .expectException(OnlyStaffMay.class);
    }

    // ---- roles

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ANALYST", "ADMIN"})
    void anAdminAssignsAStaffRole(ActorRole assigned) {
        fixture.given(memberRegistered())
                .when(new ChangeMemberRole(MEMBER_ID, assigned, REASON), staff(ActorRole.ADMIN))
                .expectEvents(new MemberRoleChanged(MEMBER_ID, assigned, null, REASON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theBootstrapMakesTheFirstAdmin() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberRole(MEMBER_ID, ActorRole.ADMIN, "initial admin"), system("system:bootstrap"))
                .expectEvents(new MemberRoleChanged(MEMBER_ID, ActorRole.ADMIN, null, "initial admin"));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ANALYST", "SELLER", "CUSTOMER", "ANONYMOUS"})
    void onlyAnAdminChangesRoles(ActorRole role) {
        fixture.given(memberRegistered())
                .when(new ChangeMemberRole(MEMBER_ID, ActorRole.ADMIN, REASON), staff(role))
                .expectNoEvents()
                .expectException(OnlyAdminsAssignRoles.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aCustomerCannotPromoteThemselves() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberRole(MEMBER_ID, ActorRole.ADMIN, "please"), self())
                .expectException(OnlyAdminsAssignRoles.class);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SELLER", "SYSTEM", "ANONYMOUS"})
    void theseRolesAreNotAssigned(ActorRole role) {
        fixture.given(memberRegistered())
                .when(new ChangeMemberRole(MEMBER_ID, role, REASON), staff(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(RoleNotAssignable.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("role")));
    }

    @Test
    void aRoleIsRequired() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberRole(MEMBER_ID, null, REASON), staff(ActorRole.ADMIN))
                .expectException(RoleNotAssignable.class);
    }

    @Test
    void aRoleChangeNeedsAReason() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberRole(MEMBER_ID, ActorRole.SUPPORT, ""), staff(ActorRole.ADMIN))
                .expectException(ReasonRequired.class);
    }

    @Test
    void theSameRoleChangesNothing() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberRole(MEMBER_ID, ActorRole.CUSTOMER, REASON), staff(ActorRole.ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aSellerMadeACustomerLosesTheShopLink() {
        fixture.given(memberRegistered(), new MemberRoleChanged(MEMBER_ID, ActorRole.SELLER, SHOP.value(),
                        RoleRules.SHOP_APPROVED))
                .when(new ChangeMemberRole(MEMBER_ID, ActorRole.CUSTOMER, REASON), staff(ActorRole.ADMIN))
                .expectEvents(new MemberRoleChanged(MEMBER_ID, ActorRole.CUSTOMER, null, REASON));
    }

    // ---- shop link

    @Test
    void anApprovedShopMakesItsMemberASeller() {
        fixture.given(memberRegistered())
                .when(new LinkSellerShop(MEMBER_ID, SHOP), system("system:seller-onboarding"))
                .expectEvents(new MemberRoleChanged(MEMBER_ID, ActorRole.SELLER, SHOP.value(), "shop approved"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void linkingTheSameShopAgainChangesNothing() {
        fixture.given(memberRegistered(), new MemberRoleChanged(MEMBER_ID, ActorRole.SELLER, SHOP.value(),
                        RoleRules.SHOP_APPROVED))
                .when(new LinkSellerShop(MEMBER_ID, SHOP), system("system:seller-onboarding"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SUPPORT", "CUSTOMER"})
    void onlyASystemActorLinksAShop(ActorRole role) {
        fixture.given(memberRegistered())
                .when(new LinkSellerShop(MEMBER_ID, SHOP), actingAs(role, MEMBER_ID.value()))
                .expectNoEvents()
                .expectException(OnlySystemLinksShops.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aLinkNeedsAShop() {
        fixture.given(memberRegistered())
                .when(new LinkSellerShop(MEMBER_ID, null), system("system:seller-onboarding"))
                .expectException(ShopRequired.class);
    }

    // ---- audit of reads

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ADMIN"})
    void staffRecordWhichPersonalFieldsTheyRead(ActorRole role) {
        fixture.given(memberRegistered())
                .when(new RecordPersonalDataAccess(MEMBER_ID, List.of(" phone ", "addresses"), " Delivery complaint "),
                        staff(role))
                .expectEvents(new PersonalDataAccessed(MEMBER_ID, List.of("phone", "addresses"),
                        "Delivery complaint"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aReadMayBeRecordedWithoutAPurpose() {
        fixture.given(memberRegistered())
                .when(new RecordPersonalDataAccess(MEMBER_ID, List.of("email"), "  "), staff(ActorRole.SUPPORT))
                .expectEvents(new PersonalDataAccessed(MEMBER_ID, List.of("email"), null));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ANALYST", "SYSTEM", "CUSTOMER"})
    void onlySupportAndAdminsRecordReads(ActorRole role) {
        fixture.given(memberRegistered())
                .when(new RecordPersonalDataAccess(MEMBER_ID, List.of("email"), null), staff(role))
                .expectNoEvents()
                .expectException(OnlyStaffMay.class);
    }

    @Test
    void aRecordedReadNamesItsFields() {
        fixture.given(memberRegistered())
                .when(new RecordPersonalDataAccess(MEMBER_ID, List.of(), null), staff(ActorRole.SUPPORT))
                .expectNoEvents()
                .expectException(AccessedFieldsRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("fields")));
    }

    @Test
    void aRecordedReadHasNoBlankField() {
        fixture.given(memberRegistered())
                .when(new RecordPersonalDataAccess(MEMBER_ID, Arrays.asList("email", null), null),
                        staff(ActorRole.SUPPORT))
                .expectException(AccessedFieldsRequired.class);
    }

    @Test
    void aPurposeHasAtMost500Characters() {
        fixture.given(memberRegistered())
                .when(new RecordPersonalDataAccess(MEMBER_ID, List.of("email"), ofLength(501)),
                        staff(ActorRole.SUPPORT))
                .expectException(PurposeTooLong.class);
    }
}
