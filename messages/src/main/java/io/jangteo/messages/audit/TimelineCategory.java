package io.jangteo.messages.audit;

/** What a member timeline entry is about, for filtering and for the support console's icons. */
public enum TimelineCategory {
    /** Registration, role changes, withdrawal. */
    ACCOUNT,
    /** Name, phone, e-mail. */
    PROFILE,
    /** The address book. */
    ADDRESS,
    /** Marketing consents. */
    CONSENT,
    /** Identity verification. */
    IDENTITY,
    /** Stored payment methods (brand pay). */
    PAYMENT_METHOD,
    /** Points earned, spent, refunded, expired, adjusted. */
    POINTS,
    /** Grade changes. */
    GRADE,
    /** Cart changes. */
    CART,
    /** Orders: placement, fulfilment, confirmation, cancellation. */
    ORDER,
    /** Payments requested, approved, declined, deposits. */
    PAYMENT,
    /** Refunds. */
    REFUND,
    /** Returns and exchanges. */
    CLAIM,
    /** Sign-ins, failed sign-ins, lock-outs, passwords, sessions. */
    SECURITY,
    /** Reads of the member's personal data by staff. */
    PRIVACY,
    /** Anything else about the member. */
    OTHER
}
