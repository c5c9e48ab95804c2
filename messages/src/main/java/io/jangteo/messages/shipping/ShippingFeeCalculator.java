package io.jangteo.messages.shipping;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one shipping-fee rule book: the storefront's quote and the order's charge both come from here, so a customer
 * pays exactly what was shown. Pure and deterministic; all amounts in the seller policy's currency, integer only.
 */
public final class ShippingFeeCalculator {

    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private ShippingFeeCalculator() {
    }

    /**
     * Fees per seller, sellers in the order they first appear in {@code lines}.
     *
     * @throws InvalidDestination when the destination is malformed
     * @throws NotShippable       when a seller has no policy or does not serve the destination
     */
    public static ShippingQuote quote(List<ShippingLine> lines, Destination destination,
                                      Map<SellerId, VersionedPolicy> policies, RemoteAreas areas) {
        assertWellFormed(destination);
        Map<SellerId, List<ShippingLine>> bySeller = new LinkedHashMap<>();
        for (ShippingLine line : lines) {
            bySeller.computeIfAbsent(line.sellerId(), seller -> new ArrayList<>()).add(line);
        }
        List<SellerShippingFee> fees = new ArrayList<>();
        Money total = null;
        for (Map.Entry<SellerId, List<ShippingLine>> entry : bySeller.entrySet()) {
            VersionedPolicy policy = policies.get(entry.getKey());
            if (policy == null) {
                throw new NotShippable(entry.getKey() + " has no shipping policy");
            }
            SellerShippingFee fee = feeOf(entry.getKey(), entry.getValue(), destination, policy, areas);
            fees.add(fee);
            total = total == null ? fee.fee() : total.plus(fee.fee());
        }
        // an empty cart costs nothing; KRW because there is no policy to take a currency from
        return new ShippingQuote(fees, total == null ? Money.won(0) : total);
    }

    private static void assertWellFormed(Destination destination) {
        if (destination.isDomestic()) {
            if (destination.postcode() == null || !POSTCODE.matcher(destination.postcode()).matches()) {
                throw InvalidDestination.postcode(destination.postcode());
            }
        } else if (!COUNTRY.matcher(destination.country()).matches()) {
            // "kr" must not slip through as an overseas country
            throw InvalidDestination.country(destination.country());
        }
    }

    private static SellerShippingFee feeOf(SellerId seller, List<ShippingLine> lines, Destination destination,
                                           VersionedPolicy versioned, RemoteAreas areas) {
        ShippingPolicy policy = versioned.policy();
        String currency = policy.baseFee().currency();
        Money itemsAmount = Money.of(0, currency);
        for (ShippingLine line : lines) {
            if (!line.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("a line of " + seller + " is priced in " + line.amount().currency()
                        + " but its shipping policy is in " + currency);
            }
            itemsAmount = itemsAmount.plus(line.amount());
        }
        List<List<ShippingLine>> shipments = policy.bundleShipping()
                ? List.of(lines)
                : lines.stream().map(List::of).toList();
        List<FeeComponent> components = destination.isDomestic()
                ? domestic(policy, itemsAmount, shipments.size(), Integer.parseInt(destination.postcode()), areas)
                : overseas(seller, policy, shipments, destination.country());
        Money fee = Money.of(0, currency);
        for (FeeComponent component : components) {
            fee = fee.plus(component.amount());
        }
        return new SellerShippingFee(seller, versioned.version(), itemsAmount, shipments.size(), fee, components);
    }

    private static List<FeeComponent> domestic(ShippingPolicy policy, Money itemsAmount, int shipments, int postcode,
                                               RemoteAreas areas) {
        List<FeeComponent> components = new ArrayList<>();
        Money base = times(policy.baseFee(), shipments);
        add(components, FeeKind.BASE, base, "Base fee × " + shipmentsText(shipments));
        Money threshold = policy.freeShippingThreshold();
        if (threshold != null && itemsAmount.amount() >= inCurrency(threshold, itemsAmount.currency()).amount()) {
            add(components, FeeKind.FREE_SHIPPING, Money.of(Math.negateExact(base.amount()), base.currency()),
                    "Free shipping from " + threshold);
        }
        // surcharges pay for the extra leg by sea, which free shipping does not cover
        if (inAny(areas.jeju(), postcode)) {
            add(components, FeeKind.JEJU, times(policy.jejuSurcharge(), shipments),
                    "Jeju surcharge × " + shipmentsText(shipments));
        }
        if (inAny(areas.remoteIslands(), postcode)) {
            add(components, FeeKind.REMOTE_ISLAND, times(policy.remoteIslandSurcharge(), shipments),
                    "Remote-island surcharge × " + shipmentsText(shipments));
        }
        return components;
    }

    private static List<FeeComponent> overseas(SellerId seller, ShippingPolicy policy,
                                               List<List<ShippingLine>> shipments, String country) {
        if (policy.overseas() == null) {
            throw new NotShippable(seller + " does not ship abroad");
        }
        OverseasZone zone = policy.overseas().zones().stream()
                .filter(candidate -> candidate.countries().contains(country))
                .findFirst()
                .orElseThrow(() -> new NotShippable(seller + " does not ship to " + country));
        List<FeeComponent> components = new ArrayList<>();
        for (int i = 0; i < shipments.size(); i++) {
            long grams = 0;
            for (ShippingLine line : shipments.get(i)) {
                grams = Math.addExact(grams, line.weightGrams());
            }
            WeightBracket bracket = bracketFor(zone, grams);
            if (bracket == null) {
                throw new NotShippable(seller + " does not ship " + grams + " g to " + country
                        + " in one shipment");
            }
            String which = shipments.size() == 1 ? "" : ", shipment " + (i + 1) + " of " + shipments.size();
            add(components, FeeKind.OVERSEAS, inCurrency(bracket.fee(), policy.baseFee().currency()),
                    "Overseas to " + country + " (" + zone.name() + ")" + which + ", " + grams + " g up to "
                            + bracket.maxWeightGrams() + " g");
        }
        return components;
    }

    private static WeightBracket bracketFor(OverseasZone zone, long grams) {
        for (WeightBracket bracket : zone.brackets()) {
            if (bracket.maxWeightGrams() >= grams) {
                return bracket;
            }
        }
        return null;
    }

    private static boolean inAny(List<PostcodeRange> ranges, int postcode) {
        return ranges.stream().anyMatch(range -> range.contains(postcode));
    }

    private static void add(List<FeeComponent> components, FeeKind kind, Money amount, String description) {
        if (amount.amount() != 0) {
            components.add(new FeeComponent(kind, amount, description));
        }
    }

    private static Money times(Money money, int count) {
        return Money.of(Math.multiplyExact(money.amount(), count), money.currency());
    }

    private static Money inCurrency(Money money, String currency) {
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException("a shipping policy mixes " + currency + " with " + money.currency());
        }
        return money;
    }

    private static String shipmentsText(int shipments) {
        return shipments == 1 ? "1 shipment" : shipments + " shipments";
    }
}
