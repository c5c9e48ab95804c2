package io.jangteo.messages.seller;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a seller shop; it stays {@code PENDING} until an admin approves it. {@code businessNumber} is the
 * 사업자등록번호, ten digits with or without dashes; its check digit is the aggregate's to verify.
 */
public record RegisterSeller(@TargetAggregateIdentifier SellerId sellerId, String shopName, String representative,
                             String businessNumber, String contactEmail, String contactPhone,
                             SettlementAccount settlementAccount) {
    public RegisterSeller {
        Objects.requireNonNull(sellerId, "sellerId");
    }
}
