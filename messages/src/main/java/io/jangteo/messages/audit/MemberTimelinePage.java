package io.jangteo.messages.audit;

import java.util.List;

/**
 * A page of a member timeline, always oldest first within the page; {@code cursors.get(i)} is the cursor of
 * {@code items.get(i)}. {@code hasPreviousPage}/{@code hasNextPage} say whether older/newer entries exist.
 */
public record MemberTimelinePage(List<TimelineEntryView> items, List<String> cursors, long totalCount,
                                 boolean hasPreviousPage, boolean hasNextPage) {
    public MemberTimelinePage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
    }
}
