package io.jangteo.messages.member;

import java.util.Objects;

/**
 * Answers an {@code Optional<MemberView>} (empty for an unknown member); subscribers receive each new {@link MemberView}
 * as an update. Who may see which fields is the API's decision; the view holds everything.
 */
public record FindMemberQuery(MemberId memberId) {
    public FindMemberQuery {
        Objects.requireNonNull(memberId, "memberId");
    }
}
