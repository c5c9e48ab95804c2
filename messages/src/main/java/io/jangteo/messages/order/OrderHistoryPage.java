package io.jangteo.messages.order;

import io.jangteo.messages.member.HistoryEntryView;
import java.util.List;

public record OrderHistoryPage(List<HistoryEntryView> items, List<String> cursors, long totalCount,
                               boolean hasNextPage) {
    public OrderHistoryPage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
    }
}
