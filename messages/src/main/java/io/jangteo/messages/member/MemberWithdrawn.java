package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.ErasesPersonalData;
import org.axonframework.serialization.Revision;

/**
 * The account was closed (탈퇴). Its personal data is erased from every event by destroying its key; the e-mail is
 * free again.
 */
@Revision("1")
public record MemberWithdrawn(@DataSubject MemberId memberId, String reason) implements ErasesPersonalData {
    @Override
    public String dataSubject() {
        return memberId.value();
    }
}
