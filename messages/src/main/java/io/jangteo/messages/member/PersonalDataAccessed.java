package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Staff read this member's personal data; the event's metadata says who, when and from where. */
@Revision("1")
public record PersonalDataAccessed(@DataSubject MemberId memberId, List<String> fields, String purpose) {}
