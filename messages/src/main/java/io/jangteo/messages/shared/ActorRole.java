package io.jangteo.messages.shared;

/** Who may act. {@code SYSTEM} is for sagas, deadlines and schedulers, which act as named system actors. */
public enum ActorRole {
    ANONYMOUS, CUSTOMER, SELLER, SUPPORT, ANALYST, ADMIN, SYSTEM
}
