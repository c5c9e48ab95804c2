package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;
import org.axonframework.serialization.Revision;

/** An address was added to the book; {@code madeDefault} when it became the default. */
@Revision("1")
public record AddressAdded(@DataSubject MemberId memberId, AddressId addressId, @PersonalData Address address,
                           boolean madeDefault, String reason) {}
