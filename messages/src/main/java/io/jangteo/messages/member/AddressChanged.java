package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;
import org.axonframework.serialization.Revision;

/** An address was replaced. */
@Revision("1")
public record AddressChanged(@DataSubject MemberId memberId, AddressId addressId, @PersonalData Address address,
                             String reason) {}
