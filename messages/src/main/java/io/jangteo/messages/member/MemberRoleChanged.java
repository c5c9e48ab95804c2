package io.jangteo.messages.member;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** The member's role changed (an admin's decision with a reason, or SELLER when a shop of theirs was approved). */
@Revision("1")
public record MemberRoleChanged(@DataSubject MemberId memberId, ActorRole role, String sellerId, String reason) {}
