package io.jangteo.command.member;

import io.jangteo.messages.member.AddressId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses of a member as the aggregate needs them: ids in the order they were added, each with a fingerprint
 * of its content (to recognise a change to the same address without holding the address), and the default.
 */
final class AddressBook {

    private final Map<AddressId, String> fingerprints = new LinkedHashMap<>();
    private AddressId defaultId;

    boolean contains(AddressId addressId) {
        return fingerprints.containsKey(addressId);
    }

    int size() {
        return fingerprints.size();
    }

    String fingerprint(AddressId addressId) {
        return fingerprints.get(addressId);
    }

    AddressId defaultId() {
        return defaultId;
    }

    /** The default once this address is gone: unchanged, or the most recently added one that remains. */
    AddressId defaultAfterRemoving(AddressId addressId) {
        if (!addressId.equals(defaultId)) {
            return defaultId;
        }
        List<AddressId> remaining = new ArrayList<>(fingerprints.keySet());
        remaining.remove(addressId);
        return remaining.isEmpty() ? null : remaining.get(remaining.size() - 1);
    }

    void added(AddressId addressId, String fingerprint, boolean madeDefault) {
        fingerprints.put(addressId, fingerprint);
        if (madeDefault) {
            defaultId = addressId;
        }
    }

    void changed(AddressId addressId, String fingerprint) {
        fingerprints.replace(addressId, fingerprint);
    }

    void removed(AddressId addressId, AddressId newDefault) {
        fingerprints.remove(addressId);
        defaultId = newDefault;
    }

    void defaultChosen(AddressId addressId) {
        defaultId = addressId;
    }

    void cleared() {
        fingerprints.clear();
        defaultId = null;
    }
}
