package io.jangteo.messages.seller;

/** Where a seller shop stands. Only {@code ACTIVE} shops sell to customers. */
public enum SellerStatus {
    /** Registered, waiting for an admin's approval. */
    PENDING,
    /** Approved and selling. */
    ACTIVE,
    /** Stopped by an admin (with a reason); can be reinstated. */
    SUSPENDED,
    /** Registration refused by an admin (with a reason); final. */
    REJECTED
}
