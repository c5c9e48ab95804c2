package io.jangteo.axon.processing;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * The processing groups that only build read models ({@code jangteo.operations.read-models}): they may be replayed,
 * and they take events in large batches. Everything else (sagas, policies that send commands, payments, media
 * processing) must never see an event twice and keeps small batches, so a failure repeats little.
 */
public final class ReadModels {

    public static final String PROPERTY = "jangteo.operations.read-models";

    public static final List<String> DEFAULT = List.of("product-catalog-v2", "category-tree", "seller-directory",
            "member-directory", "order-summary", "cart-view", "coupon-directory", "audit-index", "member-timeline",
            "sales-stats", "incidents");

    private ReadModels() {
    }

    public static List<String> of(Environment environment) {
        List<String> configured = Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class))
                .orElse(List.of());
        return configured.isEmpty() ? DEFAULT : List.copyOf(configured);
    }
}
