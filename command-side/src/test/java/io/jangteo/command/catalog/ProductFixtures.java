package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.RenameProduct;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;
import java.util.Map;

/** Builders shared by the catalog's aggregate tests. */
final class ProductFixtures {

    static final ProductId PRODUCT_ID = ProductId.of("0190a1b2c3d4e5f60718293a4b5c");
    static final SellerId SELLER = SellerId.of("s-1");
    static final SellerId OTHER_SELLER = SellerId.of("s-2");
    static final String NAME = "Kimchi 1kg";
    static final Money PRICE = Money.won(12_000);

    private ProductFixtures() {
    }

    static CreateProduct createProduct() {
        return createProduct(NAME, PRICE);
    }

    static CreateProduct createProduct(String name, Money price) {
        return new CreateProduct(PRODUCT_ID, SELLER, name, null, null, null, null, price, null, null);
    }

    static ProductCreated productCreated() {
        return productCreated(NAME);
    }

    static ProductCreated productCreated(String name) {
        return productCreated(name, PRICE);
    }

    static ProductCreated productCreated(String name, Money price) {
        return new ProductCreated(PRODUCT_ID, SELLER, name, "", null, null, java.util.List.of(), price, java.util.List.of(),
                java.util.List.of(new io.jangteo.messages.catalog.ProductVariant(io.jangteo.messages.catalog.VariantId.DEFAULT,
                        null, java.util.List.of(), Money.won(0), 0, io.jangteo.messages.catalog.VariantStatus.ACTIVE)));
    }

    static RenameProduct renameProduct(String name) {
        return new RenameProduct(PRODUCT_ID, name);
    }

    static ProductRenamed productRenamed(String previousName, String name) {
        return new ProductRenamed(PRODUCT_ID, SELLER, previousName, name);
    }

    static Map<String, Object> seller(SellerId shop) {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.SELLER.name(), AuditKeys.ACTOR_SELLER_ID, shop.value());
    }

    static Map<String, Object> actingAs(ActorRole role) {
        return Map.of(AuditKeys.ACTOR_ROLE, role.name());
    }

    /** A name of {@code codePoints} characters outside the Basic Multilingual Plane: two UTF-16 chars each. */
    static String nameOfCodePoints(int codePoints) {
        return "\uD83E\uDD6C".repeat(codePoints); // 🥬
    }

    static Matcher<Throwable> violation(ErrorCode code, List<String> field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                if (!(item instanceof DomainRuleViolation refused)) {
                    return false;
                }
                RuleViolation violation = refused.violation();
                return violation.code() == code
                        && violation.field().equals(field)
                        && violation.message().equals(refused.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation with code " + code + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText("was " + item + (item instanceof DomainRuleViolation refused
                        ? " with " + refused.violation() : ""));
            }
        };
    }
}
