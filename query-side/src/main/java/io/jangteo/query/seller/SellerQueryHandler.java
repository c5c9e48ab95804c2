package io.jangteo.query.seller;

import io.jangteo.messages.seller.FindSellerQuery;
import io.jangteo.messages.seller.FindSellersByIdsQuery;
import io.jangteo.messages.seller.FindSellersQuery;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerList;
import io.jangteo.messages.seller.SellerPage;
import io.jangteo.messages.seller.SellerView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Seller reads, all answered from the {@link SellerDirectory} after one counter lookup. */
@Component
class SellerQueryHandler {

    private final SellerDirectory directory;

    SellerQueryHandler(SellerDirectory directory) {
        this.directory = directory;
    }

    @QueryHandler
    Optional<SellerView> find(FindSellerQuery query) {
        return directory.current().find(query.sellerId().value());
    }

    @QueryHandler
    SellerList find(FindSellersByIdsQuery query) {
        Set<String> ids = new LinkedHashSet<>();
        for (SellerId sellerId : query.sellerIds()) {
            ids.add(sellerId.value());
        }
        return new SellerList(directory.current().findAll(ids));
    }

    @QueryHandler
    SellerPage find(FindSellersQuery query) {
        long after = query.after() == null ? Long.MIN_VALUE : cursor(query.after());
        List<SellerView> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        long total = 0;
        boolean hasNext = false;
        for (Sellers.Listed listed : directory.current().ordered()) {
            if (query.status() != null && listed.view().status() != query.status()) {
                continue;
            }
            total++;
            if (listed.position() <= after) {
                continue;
            }
            if (items.size() < query.first()) {
                items.add(listed.view());
                cursors.add(Long.toString(listed.position()));
            } else {
                hasNext = true;
            }
        }
        return new SellerPage(items, cursors, total, hasNext);
    }

    private static long cursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a seller cursor: " + cursor);
        }
    }
}
