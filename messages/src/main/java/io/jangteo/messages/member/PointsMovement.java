package io.jangteo.messages.member;

/** Kinds of points-ledger entries, one per ledger event. */
public enum PointsMovement {
    EARNED, BECAME_AVAILABLE, SPENT, REFUNDED, EXPIRED, ADJUSTED, FORFEITED
}
