package io.jangteo.messages.member;


/** Revoke the session a refresh token belongs to. */
public record LogOut(String refreshToken) {}
