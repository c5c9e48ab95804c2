package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** An address became the default. */
@Revision("1")
public record DefaultAddressChosen(@DataSubject MemberId memberId, AddressId addressId, String reason) {}
