package io.jangteo.messages.audit;

import io.jangteo.messages.member.HistoryEntryView;

import java.util.List;
import java.util.Objects;

/** One stored event in the audit log: the event with its metadata, and the fields of its aggregate it changed. */
public record AuditEntryView(HistoryEntryView event, List<FieldChange> changes) {
    public AuditEntryView {
        Objects.requireNonNull(event, "event");
        changes = List.copyOf(changes);
    }
}
