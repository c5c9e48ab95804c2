package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** An address was removed; {@code newDefaultAddressId} is the default afterwards (null when the book is empty). */
@Revision("1")
public record AddressRemoved(@DataSubject MemberId memberId, AddressId addressId, AddressId newDefaultAddressId,
                             String reason) {}
