package io.jangteo.command.rewards;

import io.jangteo.messages.shared.Money;

import java.time.Instant;

/** A confirmed purchase, counting toward the grade from {@code recordedAt} for the table's window. */
record Purchase(String orderId, Money amount, Instant recordedAt) {
}
