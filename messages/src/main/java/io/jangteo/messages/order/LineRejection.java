package io.jangteo.messages.order;

import io.jangteo.messages.shared.ErrorCode;

/** Why one line could not be had. */
public record LineRejection(String lineId, ErrorCode code, String message) {
}
