package io.jangteo.command.onboarding;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.jangteo.command.schedule.Refusals;
import io.jangteo.command.schedule.SystemActor;
import io.jangteo.messages.member.LinkSellerShop;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SellerRejected;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A shop's way from registration to its owner's account: once an admin approves the shop, the member who registered it
 * is linked to it (and becomes a SELLER) by the system actor {@code system:seller-onboarding}; a rejection ends it with
 * nothing to do.
 * <p>
 * Public with a public constructor, and its one field visible to Jackson, because the saga store (MongoDB) writes and
 * reads it with the application's Jackson serializer. A refused link (the registrant is no member: a development
 * account) is logged and the onboarding ends; any other failure is thrown, so the event processor retries the approval
 * (or parks it as a dead letter) and the saga stays until the link is made.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class SellerOnboarding {

    static final String ACTOR = "seller-onboarding";
    private static final String ASSOCIATION = "sellerId";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SellerOnboarding.class);

    /** The actor id of the account that registered the shop: the member to link. */
    private String registeredBy;

    @Autowired
    @JsonIgnore
    private transient CommandGateway commandGateway;

    public SellerOnboarding() {
        // for Axon and Jackson
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(SellerRegistered event) {
        registeredBy = event.registeredBy();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(SellerApproved event) {
        if (registeredBy != null && registeredBy.startsWith("system:")) {
            log.debug("Shop {} was registered by {} (demo data, imports): no member to link", event.sellerId(),
                    registeredBy);
            return;
        }
        Optional<MemberId> member = memberId(registeredBy);
        if (member.isEmpty()) {
            log.warn("Shop {} was approved, but its registrant '{}' cannot be a member: nobody is linked to it",
                    event.sellerId(), registeredBy);
            return;
        }
        link(member.get(), event.sellerId());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(SellerRejected event) {
        log.debug("Shop {} was rejected; nobody is linked to it", event.sellerId());
    }

    private void link(MemberId member, SellerId shop) {
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new LinkSellerShop(member, shop))
                            .andMetaData(SystemActor.metaData(ACTOR)),
                    COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Member {} linked to their approved shop {}", member, shop);
        } catch (RuntimeException failure) {
            Optional<RuleViolation> refusal = Refusals.permanent(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            log.warn("Linking member {} to their approved shop {} was refused: {} {}", member, shop,
                    refusal.get().code(), refusal.get().message());
        }
    }

    private static Optional<MemberId> memberId(String actorId) {
        try {
            return Optional.of(MemberId.of(actorId));
        } catch (RuntimeException notAMemberId) {
            return Optional.empty();
        }
    }
}
