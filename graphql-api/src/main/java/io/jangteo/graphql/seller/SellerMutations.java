package io.jangteo.graphql.seller;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.graphql.support.Inputs.MoneyInput;
import io.jangteo.graphql.support.Mutations;
import io.jangteo.graphql.support.Mutations.Prepared;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.seller.ApproveSeller;
import io.jangteo.messages.seller.ChangeSellerProfile;
import io.jangteo.messages.seller.ChangeShippingPolicy;
import io.jangteo.messages.seller.FindSellerQuery;
import io.jangteo.messages.seller.RegisterSeller;
import io.jangteo.messages.seller.ReinstateSeller;
import io.jangteo.messages.seller.RejectSeller;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.seller.SuspendSeller;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shipping.OverseasShipping;
import io.jangteo.messages.shipping.OverseasZone;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.WeightBracket;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Seller shop mutations. Registration is open to any signed-in account; approval, rejection, suspension and
 * reinstatement are the admins'; profile and shipping policy belong to the shop's own seller (and admins). The Seller
 * aggregate enforces all of it; the API only turns away roles that can never do the thing.
 */
@Controller
class SellerMutations {

    private final Mutations mutations;

    SellerMutations(Mutations mutations) {
        this.mutations = mutations;
    }

    @MutationMapping
    Mono<SellerPayload> registerSeller(@Argument RegisterSellerInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.values());
        SellerId sellerId = SellerId.random();
        return run(actor, request, () -> new Prepared(new RegisterSeller(sellerId, input.shopName(),
                input.representative(), input.businessNumber(), input.contactEmail(), input.contactPhone(),
                account(input.settlementAccount())), new FindSellerQuery(sellerId)));
    }

    @MutationMapping
    Mono<SellerPayload> changeSellerProfile(@Argument ChangeSellerProfileInput input, Authentication authentication,
                                            @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.SELLER, ActorRole.ADMIN);
        return change(actor, request, input.sellerId(), id -> new ChangeSellerProfile(id, input.shopName(),
                input.representative(), input.contactEmail(), input.contactPhone(),
                account(input.settlementAccount())));
    }

    @MutationMapping
    Mono<SellerPayload> approveSeller(@Argument ApproveSellerInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(admin(authentication), request, input.sellerId(), ApproveSeller::new);
    }

    @MutationMapping
    Mono<SellerPayload> rejectSeller(@Argument SellerDecisionInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(admin(authentication), request, input.sellerId(), id -> new RejectSeller(id, input.reason()));
    }

    @MutationMapping
    Mono<SellerPayload> suspendSeller(@Argument SellerDecisionInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(admin(authentication), request, input.sellerId(), id -> new SuspendSeller(id, input.reason()));
    }

    @MutationMapping
    Mono<SellerPayload> reinstateSeller(@Argument SellerDecisionInput input, Authentication authentication,
                                        @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(admin(authentication), request, input.sellerId(),
                id -> new ReinstateSeller(id, input.reason()));
    }

    @MutationMapping
    Mono<SellerPayload> changeShippingPolicy(@Argument ChangeShippingPolicyInput input, Authentication authentication,
                                             @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.SELLER, ActorRole.ADMIN);
        String shop = input.sellerId() == null ? actor.sellerId() : input.sellerId();
        return change(actor, request, shop, id -> new ChangeShippingPolicy(id, policy(input.policy())));
    }

    private static Actor admin(Authentication authentication) {
        return Actor.from(authentication).requireRole(ActorRole.ADMIN);
    }

    private Mono<SellerPayload> change(Actor actor, RequestContext request, String rawSellerId,
                                       Function<SellerId, Object> command) {
        return run(actor, request, () -> {
            if (rawSellerId == null) {
                throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "sellerId"), "Name the seller shop");
            }
            SellerId sellerId = Inputs.id(rawSellerId, SellerId::of, "seller", "sellerId");
            return new Prepared(command.apply(sellerId), new FindSellerQuery(sellerId));
        });
    }

    private Mono<SellerPayload> run(Actor actor, RequestContext request, java.util.function.Supplier<Prepared> prepare) {
        return mutations.run(actor, request, prepare, SellerView.class, SellerView::version, SellerPayload::new);
    }

    private static SettlementAccount account(SettlementAccountInput input) {
        return new SettlementAccount(input.bankCode(), input.holderName(), input.maskedNumber(),
                input.providerToken());
    }

    private static ShippingPolicy policy(ShippingPolicyInput input) {
        OverseasShipping overseas = null;
        if (input.overseasZones() != null) {
            List<OverseasZone> zones = new ArrayList<>();
            for (int z = 0; z < input.overseasZones().size(); z++) {
                OverseasZoneInput zone = input.overseasZones().get(z);
                List<WeightBracket> brackets = new ArrayList<>();
                for (int b = 0; b < zone.brackets().size(); b++) {
                    WeightBracketInput bracket = zone.brackets().get(b);
                    brackets.add(new WeightBracket(bracket.maxWeightGrams(), Inputs.money(bracket.fee(), "policy",
                            "overseasZones", String.valueOf(z), "brackets", String.valueOf(b), "fee")));
                }
                zones.add(new OverseasZone(zone.name(), java.util.Set.copyOf(zone.countries()), brackets));
            }
            overseas = new OverseasShipping(zones);
        }
        return new ShippingPolicy(Inputs.money(input.baseFee(), "policy", "baseFee"),
                Inputs.money(input.freeShippingThreshold(), "policy", "freeShippingThreshold"),
                input.bundleShipping(), Inputs.money(input.jejuSurcharge(), "policy", "jejuSurcharge"),
                Inputs.money(input.remoteIslandSurcharge(), "policy", "remoteIslandSurcharge"), overseas,
                Inputs.money(input.returnFee(), "policy", "returnFee"),
                Inputs.money(input.exchangeFee(), "policy", "exchangeFee"));
    }

    record SettlementAccountInput(String bankCode, String holderName, String maskedNumber, String providerToken) {
    }

    record RegisterSellerInput(String shopName, String representative, String businessNumber, String contactEmail,
                               String contactPhone, SettlementAccountInput settlementAccount) {
    }

    record ChangeSellerProfileInput(String sellerId, String shopName, String representative, String contactEmail,
                                    String contactPhone, SettlementAccountInput settlementAccount) {
    }

    record ApproveSellerInput(String sellerId) {
    }

    record SellerDecisionInput(String sellerId, String reason) {
    }

    record WeightBracketInput(long maxWeightGrams, MoneyInput fee) {
    }

    record OverseasZoneInput(String name, List<String> countries, List<WeightBracketInput> brackets) {
    }

    record ShippingPolicyInput(MoneyInput baseFee, MoneyInput freeShippingThreshold, boolean bundleShipping,
                               MoneyInput jejuSurcharge, MoneyInput remoteIslandSurcharge,
                               List<OverseasZoneInput> overseasZones, MoneyInput returnFee, MoneyInput exchangeFee) {
    }

    record ChangeShippingPolicyInput(String sellerId, ShippingPolicyInput policy) {
    }

    record SellerPayload(SellerView seller, List<UserError> errors) {
    }
}
