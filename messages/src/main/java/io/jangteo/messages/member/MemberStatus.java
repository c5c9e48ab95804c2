package io.jangteo.messages.member;

/** {@code LOCKED} lasts until the lock's end after repeated failed logins; {@code WITHDRAWN} (탈퇴) is final. */
public enum MemberStatus {
    ACTIVE, LOCKED, WITHDRAWN
}
