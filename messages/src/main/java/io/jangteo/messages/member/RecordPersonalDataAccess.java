package io.jangteo.messages.member;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a staff member (support, admin) read this member's personal data: the audit of reads. Only staff
 * roles.
 */
public record RecordPersonalDataAccess(@TargetAggregateIdentifier MemberId memberId, List<String> fields,
                                       String purpose) {
    public RecordPersonalDataAccess {
        Objects.requireNonNull(memberId, "memberId");
    }
}
