package io.jangteo.messages.seller;

import java.util.Objects;

/**
 * Where a shop's settlements are paid. The full account number never enters Jangteo: the bank-account provider hands
 * out a token for it, and only a masked form (e.g. {@code 110-***-***789}) is kept for people to recognise it.
 */
public record SettlementAccount(String bankCode, String holderName, String maskedNumber, String providerToken) {
    public SettlementAccount {
        Objects.requireNonNull(bankCode, "bankCode");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(maskedNumber, "maskedNumber");
    }
}
