package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Only the owning seller, an admin, or a named system actor (a saga or scheduler acting by rule) may manage a product.
 * Checked in the aggregate, not only in the API, because the aggregate is the one place every path to a product goes
 * through; and checked before anything else, so an outsider learns nothing about the product from the error it gets.
 */
final class ProductAccessPolicy {

    private ProductAccessPolicy() {
    }

    static void assertMayManage(SellerId owner, String actorRole, String actorSellerId) {
        if (isAdminOrSystem(actorRole)) {
            return;
        }
        if (ActorRole.SELLER.name().equals(actorRole) && owner.value().equals(actorSellerId)) {
            return;
        }
        throw new NotProductOwner();
    }

    /**
     * Processing results describe files the seller cannot see being processed; a seller reporting them could mark an
     * unprocessed upload as ready, with renditions pointing anywhere in the media store.
     */
    static void assertMayRecordProcessing(String actorRole) {
        if (!isAdminOrSystem(actorRole)) {
            throw new NotMediaProcessor();
        }
    }

    private static boolean isAdminOrSystem(String actorRole) {
        return ActorRole.ADMIN.name().equals(actorRole) || ActorRole.SYSTEM.name().equals(actorRole);
    }

    static final class NotProductOwner extends DomainRuleViolation {
        NotProductOwner() {
            super(ErrorCode.FORBIDDEN, List.of(),
                    "Only the owning seller, an admin or a system actor may manage this product");
        }
    }

    static final class NotMediaProcessor extends DomainRuleViolation {
        NotMediaProcessor() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only media processing or an admin may record processing results");
        }
    }
}
