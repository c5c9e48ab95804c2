package io.jangteo.graphql.demo;

import io.jangteo.axon.audit.AuditMetaData;
import io.jangteo.axon.storage.RuntimeMode;
import io.jangteo.messages.catalog.AddCategory;
import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.HideProduct;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.PublishProduct;
import io.jangteo.messages.seller.ApproveSeller;
import io.jangteo.messages.seller.ChangeShippingPolicy;
import io.jangteo.messages.seller.RegisterSeller;
import io.jangteo.messages.seller.SellerId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seeds the demo marketplace on the first start of an embedded installation, so a new user can browse at once. It
 * runs only when the event store holds no event at all (a fresh data directory), in the background after start-up,
 * and acts as the named system actor {@code system:demo-data}, so the demo's history says where it came from.
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final AuditMetaData ACTOR = AuditMetaData.system("demo-data");

    private final DemoProperties properties;
    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final Environment environment;
    private final Optional<DemoImages> images;

    DemoSeeder(DemoProperties properties, CommandGateway commandGateway, EventStore eventStore,
               Environment environment, Optional<DemoImages> images) {
        this.properties = properties;
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.environment = environment;
        this.images = images;
    }

    // decides before the initial admin is created, whose events would make the store look used
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @EventListener(ApplicationReadyEvent.class)
    void seedWhenEmpty() {
        if (!properties.enabled() || RuntimeMode.of(environment) != RuntimeMode.EMBEDDED || !storeIsEmpty()) {
            return;
        }
        Thread seeding = new Thread(this::seed, "demo-data");
        seeding.setDaemon(true);
        seeding.start();
    }

    boolean storeIsEmpty() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().orElse(-1L) < 0;
    }

    void seed() {
        long started = System.nanoTime();
        try {
            for (DemoCatalog.Category category : DemoCatalog.CATEGORIES) {
                send(new AddCategory(DemoCatalog.categoryId(category.key()),
                        category.parentKey() == null ? null : DemoCatalog.categoryId(category.parentKey()),
                        category.name()));
            }
            Map<String, SellerId> shops = new HashMap<>();
            for (DemoCatalog.Shop shop : DemoCatalog.SHOPS) {
                SellerId sellerId = SellerId.of("demo-" + shop.key());
                send(new RegisterSeller(sellerId, shop.shopName(), shop.representative(), shop.businessNumber(),
                        shop.email(), shop.phone(), DemoCatalog.account(shop)));
                send(new ApproveSeller(sellerId));
                send(new ChangeShippingPolicy(sellerId, shop.policy()));
                shops.put(shop.key(), sellerId);
            }
            List<DemoCatalog.Item> items = DemoCatalog.items(properties.products());
            for (int i = 0; i < items.size(); i++) {
                DemoCatalog.Item item = items.get(i);
                ProductId productId = ProductId.of(String.format("demo-%04d", i + 1));
                send(new CreateProduct(productId, shops.get(item.shopKey()), item.name(), item.description(),
                        item.brand(), DemoCatalog.categoryId(item.categoryKey()), item.tags(), item.basePrice(),
                        item.options(), item.variants()));
                if (item.publish()) {
                    send(new PublishProduct(productId));
                    if (i % 40 == 13) {
                        send(new HideProduct(productId));
                    }
                }
                if (properties.images() && images.isPresent()) {
                    images.get().attach(productId, i, ACTOR);
                }
            }
            log.info("Seeded the demo marketplace: {} categories, {} shops, {} products in {} ms "
                            + "(jangteo.demo.enabled=false turns this off)", DemoCatalog.CATEGORIES.size(),
                    DemoCatalog.SHOPS.size(), items.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Seeding the demo marketplace stopped: {}", e.toString());
        }
    }

    private void send(Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ACTOR.toMetaData()));
    }
}
