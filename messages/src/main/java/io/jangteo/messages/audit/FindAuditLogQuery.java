package io.jangteo.messages.audit;

import java.util.Objects;

/**
 * Stored events matching {@code filter}, newest first, each with its audit metadata and, when {@code withChanges},
 * the fields it changed (which costs a rebuild of each aggregate's state, so a caller that does not show them says
 * so). Answers an {@link AuditLogPage}; {@code after} is a cursor of an earlier page. The API checks who may read it.
 */
public record FindAuditLogQuery(AuditFilter filter, int first, String after, boolean withChanges) {
    public static final int MAX_PAGE_SIZE = 100;

    public FindAuditLogQuery {
        filter = filter == null ? AuditFilter.none() : filter;
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
    }

    public FindAuditLogQuery(AuditFilter filter, int first, String after) {
        this(filter, first, after, true);
    }

    public FindAuditLogQuery(AuditFilter filter, int first) {
        this(filter, first, null);
        Objects.requireNonNull(filter, "filter");
    }
}
