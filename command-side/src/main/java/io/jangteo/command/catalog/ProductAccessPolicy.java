package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Only the owning seller, an admin, or a named system actor (a saga or scheduler acting by rule) may manage a product. Checked in the aggregate, not only in the API, because
 * the aggregate is the one place every path to a product goes through.
 */
final class ProductAccessPolicy {

    private ProductAccessPolicy() {
    }

    static void assertMayManage(SellerId owner, String actorRole, String actorSellerId) {
        if (ActorRole.ADMIN.name().equals(actorRole) || ActorRole.SYSTEM.name().equals(actorRole)) {
            return;
        }
        if (ActorRole.SELLER.name().equals(actorRole) && owner.value().equals(actorSellerId)) {
            return;
        }
        throw new NotProductOwner();
    }

    static final class NotProductOwner extends DomainRuleViolation {
        NotProductOwner() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the owning seller, an admin or a system actor may manage this product");
        }
    }
}
