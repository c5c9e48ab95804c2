package io.jangteo.graphql.member;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.graphql.support.Mutations;
import io.jangteo.graphql.support.Mutations.Prepared;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.member.AddAddress;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.ChangeAddress;
import io.jangteo.messages.member.ChangeMarketingConsent;
import io.jangteo.messages.member.ChangeMemberEmail;
import io.jangteo.messages.member.ChangeMemberName;
import io.jangteo.messages.member.ChangeMemberPhone;
import io.jangteo.messages.member.ChangeMemberRole;
import io.jangteo.messages.member.ChangePassword;
import io.jangteo.messages.member.ChooseDefaultAddress;
import io.jangteo.messages.member.ChooseDefaultPaymentMethod;
import io.jangteo.messages.member.ConfirmIdentityVerification;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.IdentityVerificationFailed;
import io.jangteo.messages.member.MarketingChannel;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.member.RegisterMember;
import io.jangteo.messages.member.RegisterPaymentMethod;
import io.jangteo.messages.member.RemoveAddress;
import io.jangteo.messages.member.RemovePaymentMethod;
import io.jangteo.messages.member.RequestIdentityVerification;
import io.jangteo.messages.member.UnlockMember;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.member.WithdrawMember;
import io.jangteo.messages.rewards.AdjustPoints;
import io.jangteo.messages.rewards.ChangeGrade;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Member mutations. The API turns away anonymous callers and roles that can never do the thing; the Member and
 * Rewards aggregates decide everything else (self or staff with a reason, support never touching passwords or
 * points), because every path to a member goes through them.
 */
@Controller
class MemberMutations {

    private final Mutations mutations;
    private final EventStore eventStore;

    MemberMutations(Mutations mutations, EventStore eventStore) {
        this.mutations = mutations;
        this.eventStore = eventStore;
    }

    @MutationMapping
    Mono<MemberPayload> registerMember(@Argument RegisterMemberInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        MemberId memberId = MemberId.random();
        return run(Actor.from(authentication), request, () -> new Prepared(new RegisterMember(memberId, input.email(),
                input.password(), input.name(), input.phone(), Boolean.TRUE.equals(input.emailMarketingConsent()),
                Boolean.TRUE.equals(input.smsMarketingConsent())), new FindMemberQuery(memberId)), MemberView::version);
    }

    @MutationMapping
    Mono<MemberPayload> changePassword(@Argument ChangePasswordInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        MemberId self = MemberAccess.target(actor, null);
        return member(actor, request, self, id -> new ChangePassword(id, input.currentPassword(), input.newPassword()));
    }

    @MutationMapping
    Mono<MemberPayload> changeMemberName(@Argument ChangeMemberNameInput input, Authentication authentication,
                                         @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new ChangeMemberName(id, input.name(), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> changeMemberPhone(@Argument ChangeMemberPhoneInput input, Authentication authentication,
                                          @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new ChangeMemberPhone(id, input.phone(), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> changeMemberEmail(@Argument ChangeMemberEmailInput input, Authentication authentication,
                                          @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new ChangeMemberEmail(id, input.email(), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> changeMarketingConsent(@Argument ChangeMarketingConsentInput input,
                                               Authentication authentication,
                                               @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new ChangeMarketingConsent(id, input.channel(), input.granted(), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> addAddress(@Argument AddAddressInput input, Authentication authentication,
                                   @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new AddAddress(id, AddressId.random(), address(input.address()),
                        Boolean.TRUE.equals(input.makeDefault()), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> changeAddress(@Argument ChangeAddressInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new ChangeAddress(id, addressId(input.addressId()), address(input.address()), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> removeAddress(@Argument AddressChoiceInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new RemoveAddress(id, addressId(input.addressId()), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> chooseDefaultAddress(@Argument AddressChoiceInput input, Authentication authentication,
                                             @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new ChooseDefaultAddress(id, addressId(input.addressId()), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> unlockMember(@Argument StaffActionInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.SUPPORT, ActorRole.ADMIN);
        return member(actor, request, MemberAccess.memberId(input.memberId(), "input.memberId"),
                id -> new UnlockMember(id, input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> changeMemberRole(@Argument ChangeMemberRoleInput input, Authentication authentication,
                                         @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN);
        return member(actor, request, MemberAccess.memberId(input.memberId(), "input.memberId"),
                id -> new ChangeMemberRole(id, input.role(), input.reason()));
    }

    @MutationMapping
    Mono<IdentityVerificationPayload> requestIdentityVerification(
            @Argument RequestIdentityVerificationInput input, Authentication authentication,
            @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        MemberId self = MemberAccess.target(actor, null);
        VerificationId verificationId = VerificationId.random();
        return mutations.run(actor, request, () -> new Prepared(new RequestIdentityVerification(self, verificationId,
                        input.name(), birthDate(input.birthDate()), input.carrier(), input.phone()),
                        new FindMemberQuery(self)), MemberView.class, MemberView::version,
                (view, errors) -> new IdentityVerificationPayload(errors.isEmpty() ? verificationId.value() : null,
                        false, null, view, errors));
    }

    @MutationMapping
    Mono<IdentityVerificationPayload> confirmIdentityVerification(
            @Argument ConfirmIdentityVerificationInput input, Authentication authentication,
            @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        MemberId self = MemberAccess.target(actor, null);
        return mutations.run(actor, request, () -> new Prepared(new ConfirmIdentityVerification(self,
                        Inputs.id(input.verificationId(), VerificationId::of, "verification", "verificationId"),
                        input.code()), new FindMemberQuery(self)), MemberView.class, MemberView::version,
                (view, errors) -> {
                    if (!errors.isEmpty() || view == null) {
                        return new IdentityVerificationPayload(input.verificationId(), false, null, view, errors);
                    }
                    boolean verified = view.identity() != null && view.identity().verificationId() != null
                            && view.identity().verificationId().value().equals(input.verificationId());
                    return new IdentityVerificationPayload(input.verificationId(), verified,
                            verified ? null : failureReason(self, view.version()), view, errors);
                });
    }

    @MutationMapping
    Mono<MemberPayload> registerPaymentMethod(@Argument RegisterPaymentMethodInput input,
                                              Authentication authentication,
                                              @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, null),
                id -> new RegisterPaymentMethod(id, PaymentMethodId.random(), input.provider(), input.authKey()));
    }

    @MutationMapping
    Mono<MemberPayload> chooseDefaultPaymentMethod(@Argument PaymentMethodChoiceInput input,
                                                   Authentication authentication,
                                                   @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, null),
                id -> new ChooseDefaultPaymentMethod(id, paymentMethodId(input.paymentMethodId())));
    }

    @MutationMapping
    Mono<MemberPayload> removePaymentMethod(@Argument PaymentMethodChoiceInput input, Authentication authentication,
                                            @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new RemovePaymentMethod(id, paymentMethodId(input.paymentMethodId()), input.reason()));
    }

    @MutationMapping
    Mono<MemberPayload> adjustPoints(@Argument AdjustPointsInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN);
        MemberId memberId = MemberAccess.memberId(input.memberId(), "input.memberId");
        return run(actor, request, () -> new Prepared(new AdjustPoints(RewardsId.of(memberId), memberId,
                PointsEntryId.random(), input.delta(), input.reason()), new FindMemberQuery(memberId)),
                MemberView::rewardsVersion);
    }

    @MutationMapping
    Mono<MemberPayload> changeMemberGrade(@Argument ChangeMemberGradeInput input, Authentication authentication,
                                          @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN);
        MemberId memberId = MemberAccess.memberId(input.memberId(), "input.memberId");
        return run(actor, request, () -> new Prepared(new ChangeGrade(RewardsId.of(memberId), memberId,
                input.grade(), input.reason()), new FindMemberQuery(memberId)), MemberView::rewardsVersion);
    }

    @MutationMapping
    Mono<MemberPayload> withdrawMember(@Argument WithdrawMemberInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = signedIn(authentication);
        return member(actor, request, MemberAccess.target(actor, input.memberId()),
                id -> new WithdrawMember(id, input.currentPassword(), input.reason()));
    }

    // ---- helpers ----

    private static Actor signedIn(Authentication authentication) {
        Actor actor = Actor.from(authentication);
        if (actor.isAnonymous()) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in first");
        }
        return actor;
    }

    private Mono<MemberPayload> member(Actor actor, RequestContext request, MemberId memberId,
                                       Function<MemberId, Object> command) {
        return run(actor, request, () -> new Prepared(command.apply(memberId), new FindMemberQuery(memberId)),
                MemberView::version);
    }

    private Mono<MemberPayload> run(Actor actor, RequestContext request, Supplier<Prepared> prepare,
                                    ToLongFunction<MemberView> versionOf) {
        return mutations.run(actor, request, prepare, MemberView.class, versionOf, MemberPayload::new);
    }

    /** Why the provider refused: the event the confirmation stored, read back from the member's stream. */
    private String failureReason(MemberId memberId, long version) {
        return eventStore.readEvents(memberId.value(), version).asStream()
                .map(event -> event.getPayload())
                .filter(IdentityVerificationFailed.class::isInstance)
                .map(payload -> ((IdentityVerificationFailed) payload).reason())
                .reduce((first, second) -> second)
                .orElse("The provider did not confirm the identity");
    }

    private static Address address(AddressInput input) {
        if (input == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "address"), "Give the address");
        }
        return new Address(input.label(), input.recipient(), input.phone(),
                input.country() == null ? null : input.country().strip().toUpperCase(java.util.Locale.ROOT),
                input.postcode(), input.line1(), input.line2(), input.city(), input.region());
    }

    private static AddressId addressId(String raw) {
        return Inputs.id(raw, AddressId::of, "address", "addressId");
    }

    private static PaymentMethodId paymentMethodId(String raw) {
        return Inputs.id(raw, PaymentMethodId::of, "payment method", "paymentMethodId");
    }

    private static LocalDate birthDate(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "birthDate"), "Write the date as YYYY-MM-DD");
        }
    }

    record MemberPayload(MemberView member, List<UserError> errors) {
    }

    record IdentityVerificationPayload(String verificationId, boolean verified, String failureReason,
                                       MemberView member, List<UserError> errors) {
    }

    record RegisterMemberInput(String email, String password, String name, String phone,
                               Boolean emailMarketingConsent, Boolean smsMarketingConsent) {
    }

    record ChangePasswordInput(String currentPassword, String newPassword) {
    }

    record ChangeMemberNameInput(String memberId, String name, String reason) {
    }

    record ChangeMemberPhoneInput(String memberId, String phone, String reason) {
    }

    record ChangeMemberEmailInput(String memberId, String email, String reason) {
    }

    record ChangeMarketingConsentInput(String memberId, MarketingChannel channel, boolean granted, String reason) {
    }

    record AddressInput(String label, String recipient, String phone, String country, String postcode, String line1,
                        String line2, String city, String region) {
    }

    record AddAddressInput(String memberId, AddressInput address, Boolean makeDefault, String reason) {
    }

    record ChangeAddressInput(String memberId, String addressId, AddressInput address, String reason) {
    }

    record AddressChoiceInput(String memberId, String addressId, String reason) {
    }

    record StaffActionInput(String memberId, String reason) {
    }

    record ChangeMemberRoleInput(String memberId, ActorRole role, String reason) {
    }

    record RequestIdentityVerificationInput(String name, String birthDate, PhoneCarrier carrier, String phone) {
    }

    record ConfirmIdentityVerificationInput(String verificationId, String code) {
    }

    record RegisterPaymentMethodInput(String provider, String authKey) {
    }

    record PaymentMethodChoiceInput(String memberId, String paymentMethodId, String reason) {
    }

    record AdjustPointsInput(String memberId, long delta, String reason) {
    }

    record ChangeMemberGradeInput(String memberId, String grade, String reason) {
    }

    record WithdrawMemberInput(String memberId, String currentPassword, String reason) {
    }
}
