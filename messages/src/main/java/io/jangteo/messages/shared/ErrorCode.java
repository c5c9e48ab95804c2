package io.jangteo.messages.shared;

/** Codes of business rule failures, shared by the command side (which raises them) and the API (which shows them). */
public enum ErrorCode {
    /** The input breaks a rule of shape or range (empty name, negative price...). */
    INVALID_INPUT,
    /** The addressed aggregate does not exist. */
    NOT_FOUND,
    /** The actor may not do this to this aggregate. */
    FORBIDDEN,
    /** Someone else changed the aggregate at the same time; retry with fresh state. */
    CONFLICT,
    /** The aggregate's state does not allow this now (publishing a discontinued product, approving an active shop...). */
    INVALID_STATE,
    /** Not enough available stock for a reservation or an adjustment. */
    OUT_OF_STOCK,
    /** The destination is not served by the seller's shipping policy. */
    NOT_SHIPPABLE,
    /** A value that must be unique is taken (an e-mail another member uses). */
    DUPLICATE,
    /** A password or one-time token does not match. */
    INVALID_CREDENTIALS,
    /** More points asked for than are available. */
    INSUFFICIENT_POINTS,
    /** An outside provider (identity verification, payments) refused. */
    PROVIDER_REFUSED,
    /** An idempotency key was used again with a different request. */
    IDEMPOTENCY_KEY_REUSED,
    /** A price changed after the buyer was shown it; price again and confirm. */
    PRICE_CHANGED,
    /** The coupon does not apply (withdrawn, expired, outside its scope, below its minimum, use limit reached). */
    COUPON_NOT_APPLICABLE,
    /** The payment provider declined the payment (card declined, insufficient funds, cancelled by the buyer). */
    PAYMENT_DECLINED,
    /** The payment provider did not answer in time; nothing was changed, the request may be retried. */
    PROVIDER_UNAVAILABLE
}
