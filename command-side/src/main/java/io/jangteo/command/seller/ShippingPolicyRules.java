package io.jangteo.command.seller;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.OverseasShipping;
import io.jangteo.messages.shipping.OverseasZone;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.WeightBracket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What makes a shipping-fee policy one the calculator can always apply: one currency, no negative fees, and overseas
 * zones that name every served country once, with brackets the calculator can search in order.
 */
final class ShippingPolicyRules {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private ShippingPolicyRules() {
    }

    /** The policy as it will be recorded (zone names stripped), or the first rule it breaks. */
    static ShippingPolicy validated(ShippingPolicy policy) {
        String currency = policy.baseFee().currency();
        assertAmount(policy.baseFee(), currency, "baseFee");
        if (policy.freeShippingThreshold() != null) {
            assertAmount(policy.freeShippingThreshold(), currency, "freeShippingThreshold");
            if (policy.freeShippingThreshold().amount() == 0) {
                // zero would mean "always free": say so with a zero base fee, not a threshold nobody can miss
                throw new FreeShippingThresholdNotPositive();
            }
        }
        assertAmount(policy.jejuSurcharge(), currency, "jejuSurcharge");
        assertAmount(policy.remoteIslandSurcharge(), currency, "remoteIslandSurcharge");
        assertAmount(policy.returnFee(), currency, "returnFee");
        assertAmount(policy.exchangeFee(), currency, "exchangeFee");
        OverseasShipping overseas = policy.overseas() == null ? null : validated(policy.overseas(), currency);
        return new ShippingPolicy(policy.baseFee(), policy.freeShippingThreshold(), policy.bundleShipping(),
                policy.jejuSurcharge(), policy.remoteIslandSurcharge(), overseas, policy.returnFee(),
                policy.exchangeFee());
    }

    private static OverseasShipping validated(OverseasShipping overseas, String currency) {
        if (overseas.zones().isEmpty()) {
            throw new OverseasZonesRequired();
        }
        Set<String> names = new HashSet<>();
        Map<String, String> zoneOfCountry = new HashMap<>();
        List<OverseasZone> zones = new ArrayList<>();
        for (int i = 0; i < overseas.zones().size(); i++) {
            OverseasZone zone = overseas.zones().get(i);
            String name = zone.name() == null ? "" : zone.name().strip();
            if (name.isEmpty()) {
                throw new ZoneNameRequired(i);
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new DuplicateZoneName(i, name);
            }
            if (zone.countries().isEmpty()) {
                throw new ZoneCountriesRequired(i);
            }
            // sorted, so the same bad policy always names the same country
            for (String country : new TreeSet<>(zone.countries())) {
                if (!country.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(country)) {
                    throw new InvalidCountryCode(i, country);
                }
                if (country.equals("KR")) {
                    throw new DomesticCountryInZone(i);
                }
                String earlier = zoneOfCountry.putIfAbsent(country, name);
                if (earlier != null) {
                    throw new CountryInTwoZones(i, country, earlier);
                }
            }
            assertBrackets(zone.brackets(), i, currency);
            zones.add(new OverseasZone(name, zone.countries(), zone.brackets()));
        }
        return new OverseasShipping(zones);
    }

    private static void assertBrackets(List<WeightBracket> brackets, int zone, String currency) {
        if (brackets.isEmpty()) {
            throw new WeightBracketsRequired(zone);
        }
        long previous = 0;
        for (int j = 0; j < brackets.size(); j++) {
            WeightBracket bracket = brackets.get(j);
            // the calculator takes the first bracket that fits: out of order, a heavy parcel would pay a light fee
            if (bracket.maxWeightGrams() <= previous) {
                throw new WeightBracketsNotAscending(zone, j);
            }
            previous = bracket.maxWeightGrams();
            assertAmount(bracket.fee(), currency, "overseas", "zones", String.valueOf(zone), "brackets",
                    String.valueOf(j), "fee");
        }
    }

    private static void assertAmount(Money amount, String currency, String... path) {
        List<String> field = new ArrayList<>(List.of("policy"));
        field.addAll(List.of(path));
        if (amount == null) {
            throw new AmountRequired(field);
        }
        if (!amount.currency().equals(currency)) {
            throw new MixedCurrencies(field, currency, amount.currency());
        }
        if (amount.isNegative()) {
            throw new NegativeAmount(field);
        }
    }

    private static List<String> zoneField(int zone, String... rest) {
        List<String> field = new ArrayList<>(List.of("policy", "overseas", "zones", String.valueOf(zone)));
        field.addAll(List.of(rest));
        return field;
    }

    static final class AmountRequired extends DomainRuleViolation {
        AmountRequired(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field, "An amount is required here");
        }
    }

    static final class NegativeAmount extends DomainRuleViolation {
        NegativeAmount(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field, "A shipping fee cannot be negative");
        }
    }

    static final class MixedCurrencies extends DomainRuleViolation {
        MixedCurrencies(List<String> field, String expected, String actual) {
            super(ErrorCode.INVALID_INPUT, field,
                    "All amounts of a policy are in the base fee's currency " + expected + ", this one is in " + actual);
        }
    }

    static final class FreeShippingThresholdNotPositive extends DomainRuleViolation {
        FreeShippingThresholdNotPositive() {
            super(ErrorCode.INVALID_INPUT, List.of("policy", "freeShippingThreshold"),
                    "A free-shipping threshold must be above zero; leave it out when shipping is never free");
        }
    }

    static final class OverseasZonesRequired extends DomainRuleViolation {
        OverseasZonesRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("policy", "overseas", "zones"),
                    "Overseas shipping needs at least one zone; leave it out to not ship abroad");
        }
    }

    static final class ZoneNameRequired extends DomainRuleViolation {
        ZoneNameRequired(int zone) {
            super(ErrorCode.INVALID_INPUT, zoneField(zone, "name"), "An overseas zone needs a name");
        }
    }

    static final class DuplicateZoneName extends DomainRuleViolation {
        DuplicateZoneName(int zone, String name) {
            super(ErrorCode.INVALID_INPUT, zoneField(zone, "name"), "Two overseas zones are named '" + name + "'");
        }
    }

    static final class ZoneCountriesRequired extends DomainRuleViolation {
        ZoneCountriesRequired(int zone) {
            super(ErrorCode.INVALID_INPUT, zoneField(zone, "countries"), "An overseas zone needs at least one country");
        }
    }

    static final class InvalidCountryCode extends DomainRuleViolation {
        InvalidCountryCode(int zone, String country) {
            super(ErrorCode.INVALID_INPUT, zoneField(zone, "countries"),
                    "'" + country + "' is not an upper-case ISO 3166-1 alpha-2 country code");
        }
    }

    static final class DomesticCountryInZone extends DomainRuleViolation {
        DomesticCountryInZone(int zone) {
            super(ErrorCode.INVALID_INPUT, zoneField(zone, "countries"),
                    "KR is domestic and priced by the base fee, not by an overseas zone");
        }
    }

    static final class CountryInTwoZones extends DomainRuleViolation {
        CountryInTwoZones(int zone, String country, String earlierZone) {
            super(ErrorCode.INVALID_INPUT, zoneField(zone, "countries"),
                    country + " is already in zone '" + earlierZone + "'");
        }
    }

    static final class WeightBracketsRequired extends DomainRuleViolation {
        WeightBracketsRequired(int zone) {
            super(ErrorCode.INVALID_INPUT, zoneField(zone, "brackets"), "An overseas zone needs at least one weight bracket");
        }
    }

    static final class WeightBracketsNotAscending extends DomainRuleViolation {
        WeightBracketsNotAscending(int zone, int bracket) {
            super(ErrorCode.INVALID_INPUT, zoneField(zone, "brackets", String.valueOf(bracket), "maxWeightGrams"),
                    "Weight brackets need positive maximum weights in strictly ascending order");
        }
    }
}
