package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.shared.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's stored payment methods (브랜드페이) as the aggregate needs them: provider and billing key of each, in the
 * order they were registered, and the default. The billing keys are kept to delete them at the provider on removal
 * and withdrawal (and, later, to charge them).
 */
final class PaymentMethods {

    static final int MAX_METHODS = 5;

    record Stored(String provider, String billingKey) {
    }

    private final Map<PaymentMethodId, Stored> methods = new LinkedHashMap<>();
    private PaymentMethodId defaultId;

    boolean contains(PaymentMethodId paymentMethodId) {
        return methods.containsKey(paymentMethodId);
    }

    int size() {
        return methods.size();
    }

    Stored get(PaymentMethodId paymentMethodId) {
        return methods.get(paymentMethodId);
    }

    List<Stored> all() {
        return List.copyOf(methods.values());
    }

    PaymentMethodId defaultId() {
        return defaultId;
    }

    /** The default once this method is gone: unchanged, or the most recently registered one that remains. */
    PaymentMethodId defaultAfterRemoving(PaymentMethodId paymentMethodId) {
        if (!paymentMethodId.equals(defaultId)) {
            return defaultId;
        }
        List<PaymentMethodId> remaining = new ArrayList<>(methods.keySet());
        remaining.remove(paymentMethodId);
        return remaining.isEmpty() ? null : remaining.get(remaining.size() - 1);
    }

    void registered(PaymentMethodId paymentMethodId, Stored stored, boolean madeDefault) {
        methods.put(paymentMethodId, stored);
        if (madeDefault) {
            defaultId = paymentMethodId;
        }
    }

    void removed(PaymentMethodId paymentMethodId, PaymentMethodId newDefault) {
        methods.remove(paymentMethodId);
        defaultId = newDefault;
    }

    void defaultChosen(PaymentMethodId paymentMethodId) {
        defaultId = paymentMethodId;
    }

    void cleared() {
        methods.clear();
        defaultId = null;
    }

    static void assertId(PaymentMethodId paymentMethodId) {
        if (paymentMethodId == null) {
            throw new PaymentMethodInputMissing(List.of("paymentMethodId"), "A payment method id is required");
        }
    }

    static final class PaymentMethodInputMissing extends DomainRuleViolation {
        PaymentMethodInputMissing(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class UnsupportedProvider extends DomainRuleViolation {
        UnsupportedProvider() {
            super(ErrorCode.INVALID_INPUT, List.of("provider"), "This payment provider is not supported");
        }
    }

    static final class TooManyPaymentMethods extends DomainRuleViolation {
        TooManyPaymentMethods() {
            super(ErrorCode.INVALID_STATE, List.of(), "A member stores at most " + MAX_METHODS + " payment methods");
        }
    }

    static final class DuplicatePaymentMethodId extends DomainRuleViolation {
        DuplicatePaymentMethodId() {
            super(ErrorCode.DUPLICATE, List.of("paymentMethodId"), "This payment method id is already in use");
        }
    }

    static final class UnknownPaymentMethod extends DomainRuleViolation {
        UnknownPaymentMethod() {
            super(ErrorCode.NOT_FOUND, List.of("paymentMethodId"), "No such stored payment method");
        }
    }
}
