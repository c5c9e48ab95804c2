package io.jangteo.command.member;

import io.jangteo.command.identity.IdentityVerificationRefused;
import io.jangteo.command.identity.IdentityVerifier;
import io.jangteo.messages.member.PhoneCarrier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity provider's edge: sends no text, answers {@link #CODE} as the right code, refuses a request for the name
 * {@link #UNKNOWN_PERSON}, and verifies the person as they named themselves with CI {@code "ci-" + phone}.
 */
final class FakeIdentityVerifier implements IdentityVerifier {

    static final String PROVIDER = "sandbox-pass";
    static final String CODE = "123456";
    static final String UNKNOWN_PERSON = "Nobody";

    record Request(String name, LocalDate birthDate, PhoneCarrier carrier, String phone) {
    }

    private final Map<String, Request> transactions = new HashMap<>();
    final List<String> confirmedTransactions = new ArrayList<>();

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String requestCode(String name, LocalDate birthDate, PhoneCarrier carrier, String phone) {
        if (UNKNOWN_PERSON.equals(name)) {
            throw new IdentityVerificationRefused("no subscriber with this name and phone");
        }
        String transactionId = "tx-" + (transactions.size() + 1);
        transactions.put(transactionId, new Request(name, birthDate, carrier, phone));
        return transactionId;
    }

    @Override
    public Confirmation confirm(String transactionId, String code) {
        confirmedTransactions.add(transactionId);
        Request request = transactions.get(transactionId);
        if (request == null) {
            return Confirmation.refused("unknown transaction");
        }
        if (!CODE.equals(code)) {
            return Confirmation.refused("wrong code");
        }
        return Confirmation.verified(new VerifiedIdentity(request.name(), request.birthDate(), request.carrier(),
                request.phone(), "ci-" + request.phone(), "di-" + request.phone()));
    }
}
