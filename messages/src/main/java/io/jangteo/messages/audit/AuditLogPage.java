package io.jangteo.messages.audit;

import java.util.List;

/** A page of the audit log; {@code cursors.get(i)} is the cursor of {@code items.get(i)}. */
public record AuditLogPage(List<AuditEntryView> items, List<String> cursors, long totalCount, boolean hasNextPage) {
    public AuditLogPage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
    }
}
