package io.jangteo.messages.member;

/** An address of the book; {@code address} is null once erased. */
public record AddressView(AddressId addressId, Address address, boolean isDefault) {
}
