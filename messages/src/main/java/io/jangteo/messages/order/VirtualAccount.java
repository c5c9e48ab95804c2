package io.jangteo.messages.order;

import java.time.Instant;

/** A virtual account (가상계좌) the buyer pays into by bank transfer before {@code dueAt}. */
public record VirtualAccount(String bank, String accountNumber, String holder, Instant dueAt) {
}
