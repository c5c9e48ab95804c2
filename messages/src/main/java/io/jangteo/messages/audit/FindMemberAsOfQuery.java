package io.jangteo.messages.audit;

import io.jangteo.messages.member.MemberId;

import java.util.Objects;

/**
 * A member as they were at {@code asOf}, rebuilt from their member and rewards streams in the event store. Answers
 * {@code Optional<MemberView>}, empty before registration. Personal fields of an erased member are null, at every
 * instant. Who may see which fields is the API's decision.
 */
public record FindMemberAsOfQuery(MemberId memberId, AsOf asOf) {
    public FindMemberAsOfQuery {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(asOf, "asOf");
    }
}
