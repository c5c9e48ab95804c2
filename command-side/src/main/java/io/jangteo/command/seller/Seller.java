package io.jangteo.command.seller;

import io.jangteo.command.shared.Reasons;
import io.jangteo.messages.seller.ApproveSeller;
import io.jangteo.messages.seller.ChangeSellerProfile;
import io.jangteo.messages.seller.ChangeShippingPolicy;
import io.jangteo.messages.seller.RegisterSeller;
import io.jangteo.messages.seller.ReinstateSeller;
import io.jangteo.messages.seller.RejectSeller;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerProfileChanged;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SellerReinstated;
import io.jangteo.messages.seller.SellerRejected;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.seller.ShippingPolicyChanged;
import io.jangteo.messages.seller.SuspendSeller;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shipping.ShippingPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A seller shop (입점사): registered by an account, reviewed by an admin, possibly suspended and reinstated, with its
 * profile and its versioned shipping-fee policy. Command handlers other than registration return the shop's version
 * (the sequence number of its last event), so the API can wait until the read model shows exactly this change.
 */
@Aggregate(cache = "aggregateCache")
public class Seller {

    @AggregateIdentifier
    private SellerId sellerId;
    private SellerStatus status;
    private SellerProfile profile;
    private ShippingPolicy shippingPolicy;
    private int shippingPolicyVersion;
    private long version;

    protected Seller() {
        // for Axon
    }

    @CommandHandler
    Seller(RegisterSeller command,
           @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
           @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        SellerAccessPolicy.assertMayRegister(actorRole, actorId);
        SellerProfile details = SellerProfile.validated(command.shopName(), command.representative(),
                command.contactEmail(), command.contactPhone(), command.settlementAccount());
        String businessNumber = BusinessNumberPolicy.normalized(command.businessNumber());
        apply(new SellerRegistered(command.sellerId(), details.shopName(), details.representative(), businessNumber,
                details.contactEmail(), details.contactPhone(), details.settlementAccount(), actorId));
    }

    @CommandHandler
    long handle(ApproveSeller command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        SellerAccessPolicy.assertStaff(actorRole);
        SellerLifecycle.assertPending(status);
        apply(new SellerApproved(sellerId));
        return version;
    }

    @CommandHandler
    long handle(RejectSeller command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        SellerAccessPolicy.assertStaff(actorRole);
        SellerLifecycle.assertPending(status);
        apply(new SellerRejected(sellerId, Reasons.required(command.reason())));
        return version;
    }

    @CommandHandler
    long handle(SuspendSeller command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        SellerAccessPolicy.assertStaff(actorRole);
        SellerLifecycle.assertActive(status);
        apply(new SellerSuspended(sellerId, Reasons.required(command.reason())));
        return version;
    }

    @CommandHandler
    long handle(ReinstateSeller command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        SellerAccessPolicy.assertStaff(actorRole);
        SellerLifecycle.assertSuspended(status);
        apply(new SellerReinstated(sellerId, Reasons.required(command.reason())));
        return version;
    }

    @CommandHandler
    long handle(ChangeSellerProfile command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        SellerAccessPolicy.assertMayManage(sellerId, actorRole, actorSellerId);
        SellerLifecycle.assertNotRejected(status);
        SellerProfile changed = SellerProfile.validated(command.shopName(), command.representative(),
                command.contactEmail(), command.contactPhone(), command.settlementAccount());
        if (!changed.equals(profile)) {
            apply(new SellerProfileChanged(sellerId, changed.shopName(), changed.representative(),
                    changed.contactEmail(), changed.contactPhone(), changed.settlementAccount()));
        }
        return version;
    }

    @CommandHandler
    long handle(ChangeShippingPolicy command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        SellerAccessPolicy.assertMayManage(sellerId, actorRole, actorSellerId);
        SellerLifecycle.assertNotRejected(status);
        ShippingPolicy policy = ShippingPolicyRules.validated(command.policy());
        // a new version for an identical policy would make orders quoted under the old one look outdated
        if (!policy.equals(shippingPolicy)) {
            apply(new ShippingPolicyChanged(sellerId, shippingPolicyVersion + 1, policy));
        }
        return version;
    }

    @EventSourcingHandler
    void on(SellerRegistered event, @SequenceNumber long sequenceNumber) {
        sellerId = event.sellerId();
        status = SellerStatus.PENDING;
        profile = new SellerProfile(event.shopName(), event.representative(), event.contactEmail(),
                event.contactPhone(), event.settlementAccount());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(SellerApproved event, @SequenceNumber long sequenceNumber) {
        status = SellerStatus.ACTIVE;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(SellerRejected event, @SequenceNumber long sequenceNumber) {
        status = SellerStatus.REJECTED;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(SellerSuspended event, @SequenceNumber long sequenceNumber) {
        status = SellerStatus.SUSPENDED;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(SellerReinstated event, @SequenceNumber long sequenceNumber) {
        status = SellerStatus.ACTIVE;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(SellerProfileChanged event, @SequenceNumber long sequenceNumber) {
        profile = new SellerProfile(event.shopName(), event.representative(), event.contactEmail(),
                event.contactPhone(), event.settlementAccount());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ShippingPolicyChanged event, @SequenceNumber long sequenceNumber) {
        shippingPolicy = event.policy();
        shippingPolicyVersion = event.policyVersion();
        version = sequenceNumber;
    }
}
