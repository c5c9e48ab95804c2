package io.jangteo.messages.member;

import java.util.List;

/** A page of ledger entries; {@code cursors.get(i)} is the cursor of {@code items.get(i)}. */
public record PointsLedgerPage(List<PointsLedgerEntryView> items, List<String> cursors, long totalCount,
                               boolean hasNextPage) {
    public PointsLedgerPage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
    }
}
