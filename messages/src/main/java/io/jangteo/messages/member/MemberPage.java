package io.jangteo.messages.member;

import java.util.List;

/** A page of members; {@code cursors.get(i)} is the cursor of {@code items.get(i)}. */
public record MemberPage(List<MemberView> items, List<String> cursors, long totalCount, boolean hasNextPage) {
    public MemberPage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
    }
}
