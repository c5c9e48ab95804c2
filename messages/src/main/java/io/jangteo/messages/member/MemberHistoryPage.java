package io.jangteo.messages.member;

import java.util.List;

/** A page of a member's history; {@code cursors.get(i)} is the cursor of {@code items.get(i)}. */
public record MemberHistoryPage(List<HistoryEntryView> items, List<String> cursors, long totalCount,
                                boolean hasNextPage) {
    public MemberHistoryPage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
    }
}
