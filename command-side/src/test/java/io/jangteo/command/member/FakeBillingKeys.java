package io.jangteo.command.member;

import io.jangteo.command.payment.BillingKeyRefused;
import io.jangteo.command.payment.BillingKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The payment provider's edge: supports {@code toss} and {@code kakaopay}, issues {@code "bk-" + authKey}, declines
 * the authKey {@link #DECLINED}, and records deletions.
 */
final class FakeBillingKeys implements BillingKeys {

    static final String DECLINED = "auth-declined";
    private static final Set<String> PROVIDERS = Set.of("toss", "kakaopay");

    final List<String> issued = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();

    @Override
    public boolean supports(String provider) {
        return PROVIDERS.contains(provider);
    }

    @Override
    public Issued issue(String provider, String authKey, String customerKey) {
        if (DECLINED.equals(authKey)) {
            throw new BillingKeyRefused("card declined");
        }
        String billingKey = "bk-" + authKey;
        issued.add(billingKey + "@" + customerKey);
        return new Issued(billingKey, "VISA", "4242", 2030, 12);
    }

    @Override
    public void delete(String provider, String billingKey) {
        deleted.add(provider + ":" + billingKey);
    }
}
