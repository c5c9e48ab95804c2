package io.jangteo.command.member;

import io.jangteo.command.shared.Reasons;
import io.jangteo.command.identity.IdentityVerifier;
import io.jangteo.command.identity.IdentityVerifier.Confirmation;
import io.jangteo.command.identity.IdentityVerifier.VerifiedIdentity;
import io.jangteo.command.member.AddressRules.DuplicateAddressId;
import io.jangteo.command.member.AddressRules.TooManyAddresses;
import io.jangteo.command.member.AddressRules.UnknownAddress;
import io.jangteo.command.member.Credentials.WrongPassword;
import io.jangteo.command.member.IdentityRules.NoPendingVerification;
import io.jangteo.command.member.MemberLifecycle.AccountNotLocked;
import io.jangteo.command.member.PaymentMethods.DuplicatePaymentMethodId;
import io.jangteo.command.member.PaymentMethods.PaymentMethodInputMissing;
import io.jangteo.command.member.PaymentMethods.TooManyPaymentMethods;
import io.jangteo.command.member.PaymentMethods.UnknownPaymentMethod;
import io.jangteo.command.member.PaymentMethods.UnsupportedProvider;
import io.jangteo.command.notification.Notifications;
import io.jangteo.command.payment.BillingKeys;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.AccountUnlocked;
import io.jangteo.messages.member.AddAddress;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressChanged;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.AddressRemoved;
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
import io.jangteo.messages.member.DefaultAddressChosen;
import io.jangteo.messages.member.DefaultPaymentMethodChosen;
import io.jangteo.messages.member.IdentityVerificationFailed;
import io.jangteo.messages.member.IdentityVerificationRequested;
import io.jangteo.messages.member.IdentityVerified;
import io.jangteo.messages.member.LinkSellerShop;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.LoginResult;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MarketingChannel;
import io.jangteo.messages.member.MarketingConsentChanged;
import io.jangteo.messages.member.MemberEmailChanged;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberLoggedOut;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.MemberRoleChanged;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.PasswordChanged;
import io.jangteo.messages.member.PasswordReset;
import io.jangteo.messages.member.PasswordResetRequested;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.member.PaymentMethodRegistered;
import io.jangteo.messages.member.PaymentMethodRemoved;
import io.jangteo.messages.member.PersonalDataAccessed;
import io.jangteo.messages.member.RecordPersonalDataAccess;
import io.jangteo.messages.member.RegisterMember;
import io.jangteo.messages.member.RegisterPaymentMethod;
import io.jangteo.messages.member.RemoveAddress;
import io.jangteo.messages.member.RemovePaymentMethod;
import io.jangteo.messages.member.RequestIdentityVerification;
import io.jangteo.messages.member.UnlockMember;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.member.WithdrawMember;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member account (회원): registration, profile, address book, consents, role, identity verification, stored
 * payment methods, sign-in security and withdrawal (탈퇴). Command handlers other than registration return the
 * account's version (the sequence number of its last event), so the API can wait until the read model shows exactly
 * this change. Sign-in, session refresh, sign-out and password resets arrive without a member id; {@link
 * Authentication} finds the member and calls the package-private methods below.
 * <p>
 * The state holds no personal data in clear except the e-mail (to free it on a change or withdrawal) and the billing
 * keys (to delete them at the provider); names, phones and addresses are kept as fingerprints. Credentials and e-mail
 * uniqueness live behind the ports, outside the event store: a password never enters an event.
 * <p>
 * Kept in the aggregate cache: a busy member's stream (sign-ins, consents, staff reads) grows into the thousands, and
 * replaying it for every command made each command slower than the last. Withdrawal clears the e-mail, fingerprints
 * and billing keys from the state, so a cached withdrawn member holds no more than a freshly loaded one.
 */
@Aggregate(cache = "aggregateCache")
public class Member {

    @AggregateIdentifier
    private MemberId memberId;
    private boolean withdrawn;
    private ActorRole role;
    private String sellerId;
    private String email;
    private String nameFingerprint;
    private String phoneFingerprint;
    private boolean emailConsent;
    private boolean smsConsent;
    private final AddressBook addresses = new AddressBook();
    private final PaymentMethods paymentMethods = new PaymentMethods();
    private Lockout lockout = Lockout.NONE;
    private PendingVerification pendingVerification;
    private long version;

    private record PendingVerification(VerificationId verificationId, String provider, String transactionId) {
    }

    protected Member() {
        // for Axon
    }

    // ---- registration and credentials

    /** Anyone may register, anonymous visitors too. */
    @CommandHandler
    Member(RegisterMember command, EmailRegistry emails, PasswordStore passwords) {
        String email = ContactDetails.email(command.email(), field("email"));
        Credentials.assertNewPassword(command.password(), email, field("password"));
        String name = ContactDetails.name(command.name(), field("name"));
        String phone = ContactDetails.phone(command.phone(), field("phone"));
        MemberId id = command.memberId();
        claim(emails, email, id);
        // after the events are stored, not before: a registration sent again for an existing member id runs this far
        // and fails only when its events are appended, and must not have replaced that member's password by then
        String password = command.password();
        afterCommit(() -> passwords.set(id, password));
        apply(new MemberRegistered(id, email, name, phone, ActorRole.CUSTOMER, command.emailMarketingConsent(),
                command.smsMarketingConsent()));
    }

    /** The member alone, with the current password: a support agent must never know or set a member's password. */
    @CommandHandler
    long handle(ChangePassword command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                PasswordStore passwords, Sessions sessions) {
        MemberAccessPolicy.assertSelf(memberId, actorRole, actorId);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        Credentials.assertNewPassword(command.newPassword(), email, field("newPassword"));
        if (!passwords.matches(memberId, command.currentPassword())) {
            throw new WrongPassword();
        }
        passwords.set(memberId, command.newPassword());
        // whoever learnt the old password may hold a session: every device signs in again
        sessions.revokeAll(memberId);
        apply(new PasswordChanged(memberId));
        return version;
    }

    // ---- profile

    @CommandHandler
    long handle(ChangeMemberName command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        String name = ContactDetails.name(command.name(), field("name"));
        if (!Objects.equals(Fingerprints.of(memberId, name), nameFingerprint)) {
            apply(new MemberNameChanged(memberId, name, reason));
        }
        return version;
    }

    @CommandHandler
    long handle(ChangeMemberPhone command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        String phone = ContactDetails.phone(command.phone(), field("phone"));
        if (!Objects.equals(Fingerprints.of(memberId, phone), phoneFingerprint)) {
            apply(new MemberPhoneChanged(memberId, phone, reason));
        }
        return version;
    }

    @CommandHandler
    long handle(ChangeMemberEmail command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                EmailRegistry emails) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        String changed = ContactDetails.email(command.email(), field("email"));
        if (changed.equals(email)) {
            return version;
        }
        // only the spelling changes when both normalise alike: the member keeps the claim it already holds
        if (!EmailRegistry.normalized(changed).equals(EmailRegistry.normalized(email))) {
            claim(emails, changed, memberId);
            String previous = email;
            MemberId id = memberId;
            // freed only once the change is stored: until then the member still uses it
            afterCommit(() -> emails.release(previous, id));
        }
        apply(new MemberEmailChanged(memberId, changed, reason));
        return version;
    }

    @CommandHandler
    long handle(ChangeMarketingConsent command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        MarketingChannel channel = ContactDetails.channel(command.channel());
        boolean current = channel == MarketingChannel.EMAIL ? emailConsent : smsConsent;
        if (current != command.granted()) {
            apply(new MarketingConsentChanged(memberId, channel, command.granted(), reason));
        }
        return version;
    }

    // ---- address book

    @CommandHandler
    long handle(AddAddress command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        AddressRules.assertId(command.addressId());
        if (addresses.contains(command.addressId())) {
            throw new DuplicateAddressId();
        }
        if (addresses.size() >= AddressRules.MAX_ADDRESSES) {
            throw new TooManyAddresses();
        }
        Address address = AddressRules.validated(command.address());
        // a member with addresses always has a default one, so checkout never has to ask
        boolean madeDefault = addresses.size() == 0 || command.makeDefault();
        apply(new AddressAdded(memberId, command.addressId(), address, madeDefault, reason));
        return version;
    }

    @CommandHandler
    long handle(ChangeAddress command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        assertKnownAddress(command.addressId());
        Address address = AddressRules.validated(command.address());
        if (!Objects.equals(Fingerprints.of(memberId, address), addresses.fingerprint(command.addressId()))) {
            apply(new AddressChanged(memberId, command.addressId(), address, reason));
        }
        return version;
    }

    @CommandHandler
    long handle(RemoveAddress command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        assertKnownAddress(command.addressId());
        apply(new AddressRemoved(memberId, command.addressId(), addresses.defaultAfterRemoving(command.addressId()),
                reason));
        return version;
    }

    @CommandHandler
    long handle(ChooseDefaultAddress command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        assertKnownAddress(command.addressId());
        if (!command.addressId().equals(addresses.defaultId())) {
            apply(new DefaultAddressChosen(memberId, command.addressId(), reason));
        }
        return version;
    }

    // ---- staff and system

    @CommandHandler
    long handle(UnlockMember command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        MemberAccessPolicy.assertStaff(actorRole);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        String reason = Reasons.required(command.reason());
        if (!lockout.isLocked(now())) {
            throw new AccountNotLocked();
        }
        apply(new AccountUnlocked(memberId, reason));
        return version;
    }

    @CommandHandler
    long handle(ChangeMemberRole command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        MemberAccessPolicy.assertAdminOrSystem(actorRole);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        String reason = Reasons.required(command.reason());
        ActorRole changed = RoleRules.assignable(command.role());
        if (changed != role) {
            apply(new MemberRoleChanged(memberId, changed, null, reason));
        }
        return version;
    }

    @CommandHandler
    long handle(LinkSellerShop command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        MemberAccessPolicy.assertSystem(actorRole);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        SellerId shop = RoleRules.shop(command.sellerId());
        if (role != ActorRole.SELLER || !shop.value().equals(sellerId)) {
            apply(new MemberRoleChanged(memberId, ActorRole.SELLER, shop.value(), RoleRules.SHOP_APPROVED));
        }
        return version;
    }

    /** The audit of reads: staff record which personal fields they looked at, and why. */
    @CommandHandler
    long handle(RecordPersonalDataAccess command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        MemberAccessPolicy.assertStaff(actorRole);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        apply(new PersonalDataAccessed(memberId, RoleRules.accessedFields(command.fields()),
                RoleRules.purpose(command.purpose())));
        return version;
    }

    // ---- identity verification (본인인증)

    @CommandHandler
    long handle(RequestIdentityVerification command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                IdentityVerifier verifier) {
        MemberAccessPolicy.assertSelf(memberId, actorRole, actorId);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        IdentityRules.assertRequest(command.verificationId(), command.birthDate(), command.carrier(), now());
        String name = ContactDetails.name(command.name(), field("name"));
        String phone = ContactDetails.koreanMobile(command.phone(), field("phone"));
        String transactionId = verifier.requestCode(name, command.birthDate(), command.carrier(), phone);
        apply(new IdentityVerificationRequested(memberId, command.verificationId(), verifier.provider(),
                transactionId));
        return version;
    }

    /** A refusal by the provider is an answer worth keeping (support sees the failed attempts), not an exception. */
    @CommandHandler
    long handle(ConfirmIdentityVerification command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                IdentityVerifier verifier) {
        MemberAccessPolicy.assertSelf(memberId, actorRole, actorId);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        PendingVerification pending = pendingVerification;
        if (pending == null || !pending.verificationId().equals(command.verificationId())) {
            throw new NoPendingVerification();
        }
        IdentityRules.assertCode(command.code());
        Confirmation confirmation = verifier.confirm(pending.transactionId(), command.code());
        if (confirmation.succeeded()) {
            VerifiedIdentity identity = confirmation.identity();
            boolean adult = identity.birthDate() != null && IdentityRules.isAdult(identity.birthDate(), now());
            apply(new IdentityVerified(memberId, pending.verificationId(), pending.provider(), identity.name(),
                    identity.birthDate(), identity.carrier(), identity.phone(), IdentityRules.ciHash(identity.ci()),
                    adult));
        } else {
            apply(new IdentityVerificationFailed(memberId, pending.verificationId(), confirmation.failureReason()));
        }
        return version;
    }

    // ---- stored payment methods (브랜드페이)

    @CommandHandler
    long handle(RegisterPaymentMethod command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                BillingKeys billingKeys) {
        MemberAccessPolicy.assertSelf(memberId, actorRole, actorId);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        PaymentMethodId id = command.paymentMethodId();
        PaymentMethods.assertId(id);
        if (paymentMethods.contains(id)) {
            throw new DuplicatePaymentMethodId();
        }
        // before the provider is asked: a refused method must not leave a billing key behind
        if (paymentMethods.size() >= PaymentMethods.MAX_METHODS) {
            throw new TooManyPaymentMethods();
        }
        String provider = command.provider() == null ? "" : command.provider().strip();
        if (provider.isEmpty() || !billingKeys.supports(provider)) {
            throw new UnsupportedProvider();
        }
        if (command.authKey() == null || command.authKey().isBlank()) {
            throw new PaymentMethodInputMissing(field("authKey"), "The provider's authKey is required");
        }
        BillingKeys.Issued issued = billingKeys.issue(provider, command.authKey(), memberId.value());
        onRollback(() -> billingKeys.delete(provider, issued.billingKey()));
        apply(new PaymentMethodRegistered(memberId, id, provider, issued.billingKey(), issued.brand(),
                issued.last4(), issued.expiryYear(), issued.expiryMonth(), paymentMethods.size() == 0));
        return version;
    }

    @CommandHandler
    long handle(ChooseDefaultPaymentMethod command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        MemberAccessPolicy.assertSelf(memberId, actorRole, actorId);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        assertKnownPaymentMethod(command.paymentMethodId());
        if (!command.paymentMethodId().equals(paymentMethods.defaultId())) {
            apply(new DefaultPaymentMethodChosen(memberId, command.paymentMethodId()));
        }
        return version;
    }

    @CommandHandler
    long handle(RemovePaymentMethod command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                BillingKeys billingKeys) {
        String reason = reasonOf(command.reason(), actorRole, actorId);
        PaymentMethodId id = command.paymentMethodId();
        assertKnownPaymentMethod(id);
        // at the provider first: if it cannot be reached the method stays, and the member may try again
        deleteAtProvider(billingKeys, paymentMethods.get(id));
        apply(new PaymentMethodRemoved(memberId, id, paymentMethods.defaultAfterRemoving(id), reason));
        return version;
    }

    // ---- withdrawal (탈퇴)

    @CommandHandler
    long handle(WithdrawMember command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                EmailRegistry emails, PasswordStore passwords, Sessions sessions, BillingKeys billingKeys) {
        boolean self = MemberAccessPolicy.assertSelfOrStaff(memberId, actorRole, actorId);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        // a member's own words are not recorded: free text could hold personal data that outlives the erasure
        String reason = self ? null : Reasons.required(command.reason());
        if (self && !passwords.matches(memberId, command.currentPassword())) {
            throw new WrongPassword();
        }
        // revocations and provider deletions come first and may be repeated: if one fails, the member is not
        // withdrawn and can try again; what the member would still need if the withdrawal were not stored (the
        // e-mail, the password) goes only once it is
        sessions.revokeAll(memberId);
        for (PaymentMethods.Stored stored : paymentMethods.all()) {
            deleteAtProvider(billingKeys, stored);
        }
        String releasedEmail = email;
        MemberId id = memberId;
        afterCommit(() -> {
            emails.release(releasedEmail, id);
            passwords.remove(id);
        });
        apply(new MemberWithdrawn(memberId, reason));
        return version;
    }

    // ---- sign-in, called by Authentication; failures are answers, so that their events are stored

    LoginResult logIn(String password, PasswordStore passwords, Sessions sessions, MemberSettings settings) {
        Instant now = now();
        if (withdrawn) {
            passwords.matchNothing(password);
            return LoginResult.failed(LoginFailure.WITHDRAWN, null);
        }
        // the password is not even checked while locked: the lock is what stops guessing
        if (lockout.isLocked(now)) {
            apply(new LoginFailed(memberId, LoginFailure.LOCKED, lockout.consecutiveFailures()));
            return LoginResult.failed(LoginFailure.LOCKED, lockout.lockedUntil());
        }
        if (!passwords.matches(memberId, password)) {
            int failures = lockout.failuresCounted(now) + 1;
            apply(new LoginFailed(memberId, LoginFailure.BAD_CREDENTIALS, failures));
            if (failures >= settings.maxFailures()) {
                Instant until = now.plus(settings.lockoutDuration());
                apply(new AccountLocked(memberId, until, failures));
                return LoginResult.failed(LoginFailure.BAD_CREDENTIALS, until);
            }
            return LoginResult.failed(LoginFailure.BAD_CREDENTIALS, null);
        }
        apply(new LoginSucceeded(memberId));
        Sessions.Issued session = sessions.start(memberId);
        onRollback(() -> sessions.revoke(session.refreshToken()));
        return LoginResult.success(memberId, role, sellerId, session.refreshToken(), session.expiresAt());
    }

    /** The answer to a refresh whose token was already rotated into {@code session}. */
    LoginResult refreshed(Sessions.Issued session) {
        if (withdrawn) {
            return LoginResult.failed(LoginFailure.WITHDRAWN, null);
        }
        if (lockout.isLocked(now())) {
            return LoginResult.failed(LoginFailure.LOCKED, lockout.lockedUntil());
        }
        // role and shop as they are now, not as they were at sign-in: a demoted admin loses access at the next refresh
        return LoginResult.success(memberId, role, sellerId, session.refreshToken(), session.expiresAt());
    }

    void loggedOut() {
        if (!withdrawn) {
            apply(new MemberLoggedOut(memberId));
        }
    }

    void requestPasswordReset(String emailAsTyped, PasswordResets resets, Notifications notifications) {
        if (withdrawn) {
            return;
        }
        PasswordResets.Issued issued = resets.issue(memberId);
        notifications.passwordReset(emailAsTyped, issued.token(), issued.expiresAt());
        apply(new PasswordResetRequested(memberId));
    }

    void resetPassword(String newPassword, PasswordStore passwords, Sessions sessions) {
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        Credentials.assertNewPassword(newPassword, email, field("newPassword"));
        passwords.set(memberId, newPassword);
        sessions.revokeAll(memberId);
        apply(new PasswordReset(memberId));
        // proving control of the mailbox is a better credential than waiting: the member may sign in at once
        if (lockout.isLocked(now())) {
            apply(new AccountUnlocked(memberId, "password reset"));
        }
    }

    // ---- helpers

    /** Who may edit the profile and book: the member (no reason recorded), or staff with a reason. */
    private String reasonOf(String reason, String actorRole, String actorId) {
        boolean self = MemberAccessPolicy.assertSelfOrStaff(memberId, actorRole, actorId);
        MemberLifecycle.assertNotWithdrawn(withdrawn);
        return self ? null : Reasons.required(reason);
    }

    private void assertKnownAddress(AddressId addressId) {
        AddressRules.assertId(addressId);
        if (!addresses.contains(addressId)) {
            throw new UnknownAddress();
        }
    }

    private void assertKnownPaymentMethod(PaymentMethodId paymentMethodId) {
        PaymentMethods.assertId(paymentMethodId);
        if (!paymentMethods.contains(paymentMethodId)) {
            throw new UnknownPaymentMethod();
        }
    }

    private static void deleteAtProvider(BillingKeys billingKeys, PaymentMethods.Stored stored) {
        // null once the member's key is destroyed: nothing left to delete
        if (stored.billingKey() != null) {
            billingKeys.delete(stored.provider(), stored.billingKey());
        }
    }

    /** Claims the e-mail, and frees it again if the events claiming it are not stored. */
    private static void claim(EmailRegistry emails, String email, MemberId id) {
        boolean heldAlready = emails.holder(email).filter(id::equals).isPresent();
        emails.claim(email, id);
        if (!heldAlready) {
            onRollback(() -> emails.release(email, id));
        }
    }

    private static void onRollback(Runnable action) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> action.run()));
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> action.run());
        } else {
            action.run();
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private static List<String> field(String name) {
        return List.of(name);
    }

    // ---- read by orders (command.order) to charge a stored method (브랜드페이)

    /** The billing key that charges this stored method; empty when the member has no such method (any more). */
    public Optional<String> billingKey(PaymentMethodId paymentMethodId) {
        PaymentMethods.Stored stored = paymentMethodId == null ? null : paymentMethods.get(paymentMethodId);
        return stored == null ? Optional.empty() : Optional.ofNullable(stored.billingKey());
    }

    // ---- event sourcing: state only

    @EventSourcingHandler
    void on(MemberRegistered event, @SequenceNumber long sequenceNumber) {
        memberId = event.memberId();
        role = event.role();
        email = event.email();
        nameFingerprint = Fingerprints.of(event.memberId(), event.name());
        phoneFingerprint = Fingerprints.of(event.memberId(), event.phone());
        emailConsent = event.emailMarketingConsent();
        smsConsent = event.smsMarketingConsent();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PasswordChanged event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MemberNameChanged event, @SequenceNumber long sequenceNumber) {
        nameFingerprint = Fingerprints.of(memberId, event.name());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MemberPhoneChanged event, @SequenceNumber long sequenceNumber) {
        phoneFingerprint = Fingerprints.of(memberId, event.phone());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MemberEmailChanged event, @SequenceNumber long sequenceNumber) {
        email = event.email();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MarketingConsentChanged event, @SequenceNumber long sequenceNumber) {
        if (event.channel() == MarketingChannel.EMAIL) {
            emailConsent = event.granted();
        } else {
            smsConsent = event.granted();
        }
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AddressAdded event, @SequenceNumber long sequenceNumber) {
        addresses.added(event.addressId(), Fingerprints.of(memberId, event.address()), event.madeDefault());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AddressChanged event, @SequenceNumber long sequenceNumber) {
        addresses.changed(event.addressId(), Fingerprints.of(memberId, event.address()));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AddressRemoved event, @SequenceNumber long sequenceNumber) {
        addresses.removed(event.addressId(), event.newDefaultAddressId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(DefaultAddressChosen event, @SequenceNumber long sequenceNumber) {
        addresses.defaultChosen(event.addressId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(LoginSucceeded event, @SequenceNumber long sequenceNumber) {
        lockout = Lockout.NONE;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(LoginFailed event, @SequenceNumber long sequenceNumber) {
        // a wrong password is only ever checked while no lock is in force
        if (event.reason() == LoginFailure.BAD_CREDENTIALS) {
            lockout = new Lockout(event.consecutiveFailures(), null);
        }
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AccountLocked event, @SequenceNumber long sequenceNumber) {
        lockout = new Lockout(event.consecutiveFailures(), event.lockedUntil());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AccountUnlocked event, @SequenceNumber long sequenceNumber) {
        lockout = Lockout.NONE;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MemberLoggedOut event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PasswordResetRequested event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PasswordReset event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event, @SequenceNumber long sequenceNumber) {
        role = event.role();
        sellerId = event.sellerId();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PersonalDataAccessed event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(IdentityVerificationRequested event, @SequenceNumber long sequenceNumber) {
        pendingVerification = new PendingVerification(event.verificationId(), event.provider(),
                event.providerTransactionId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(IdentityVerified event, @SequenceNumber long sequenceNumber) {
        pendingVerification = null;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(IdentityVerificationFailed event, @SequenceNumber long sequenceNumber) {
        // one code per request: a wrong code means asking for a new one, which limits guessing to the provider's pace
        pendingVerification = null;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PaymentMethodRegistered event, @SequenceNumber long sequenceNumber) {
        paymentMethods.registered(event.paymentMethodId(),
                new PaymentMethods.Stored(event.provider(), event.billingKey()), event.madeDefault());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(DefaultPaymentMethodChosen event, @SequenceNumber long sequenceNumber) {
        paymentMethods.defaultChosen(event.paymentMethodId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PaymentMethodRemoved event, @SequenceNumber long sequenceNumber) {
        paymentMethods.removed(event.paymentMethodId(), event.newDefaultPaymentMethodId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MemberWithdrawn event, @SequenceNumber long sequenceNumber) {
        withdrawn = true;
        email = null;
        nameFingerprint = null;
        phoneFingerprint = null;
        addresses.cleared();
        paymentMethods.cleared();
        pendingVerification = null;
        version = sequenceNumber;
    }
}
