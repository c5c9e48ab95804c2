package io.jangteo.query.seller;

import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.query.shared.ChangeCounters.Stamp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of the seller directory. */
public final class Sellers {

    static final Sellers EMPTY = new Sellers(Stamp.NONE, Map.of(), List.of());

    record Listed(long position, SellerView view) {
    }

    private final Stamp stamp;
    private final Map<String, Listed> byId;
    private final List<Listed> ordered;

    Sellers(Stamp stamp, Map<String, Listed> byId, List<Listed> ordered) {
        this.stamp = stamp;
        this.byId = byId;
        this.ordered = ordered;
    }

    public Stamp stamp() {
        return stamp;
    }

    public Optional<SellerView> find(String sellerId) {
        Listed listed = byId.get(sellerId);
        return listed == null ? Optional.empty() : Optional.of(listed.view());
    }

    /** Whether the shop may sell now; an unknown shop may not. */
    public boolean isActive(String sellerId) {
        Listed listed = byId.get(sellerId);
        return listed != null && listed.view().status() == SellerStatus.ACTIVE;
    }

    public List<SellerView> findAll(Collection<String> sellerIds) {
        List<SellerView> found = new ArrayList<>(sellerIds.size());
        for (String sellerId : sellerIds) {
            Listed listed = byId.get(sellerId);
            if (listed != null) {
                found.add(listed.view());
            }
        }
        return found;
    }

    boolean isAtLeast(Stamp other) {
        return this != EMPTY && stamp.epoch() == other.epoch() && stamp.committed() >= other.committed();
    }

    Map<String, Listed> byId() {
        return byId;
    }

    /** In registration order. */
    List<Listed> ordered() {
        return ordered;
    }
}
