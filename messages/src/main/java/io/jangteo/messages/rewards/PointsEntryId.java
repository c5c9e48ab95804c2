package io.jangteo.messages.rewards;

import io.jangteo.messages.shared.Ids;

/** Identifies one movement in a points ledger: an earning, a spending, a refund or an adjustment. */
public record PointsEntryId(String value) {
    public PointsEntryId {
        Ids.checked(value, "pointsEntryId");
    }

    public static PointsEntryId of(String value) {
        return new PointsEntryId(value);
    }

    public static PointsEntryId random() {
        return new PointsEntryId(Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
