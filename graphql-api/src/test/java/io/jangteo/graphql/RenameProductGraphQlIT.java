package io.jangteo.graphql;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RenameProductGraphQlIT extends GraphQlTestSupport {

    @Test
    void renamePayloadShowsTheProductAfterTheChange() {
        String shop = uniqueSeller();
        HttpGraphQlTester owner = seller(shop);
        String id = (String) createProduct(owner, "Old name", 5_000).get("id");

        owner.documentName("renameProduct")
                .variable("input", Map.of("productId", id, "name", "New name"))
                .execute()
                .path("renameProduct.errors").entityList(Object.class).hasSize(0)
                .path("renameProduct.product.name").entity(String.class).isEqualTo("New name")
                .path("renameProduct.product.version").entity(Long.class).isEqualTo(1L);

        owner.documentName("product").variable("id", id).execute()
                .path("product.name").entity(String.class).isEqualTo("New name");
        owner.documentName("products").variable("first", 100).execute()
                .path("products.edges[*].node.id").entityList(String.class).contains(id);
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        HttpGraphQlTester owner = seller(uniqueSeller());
        String id = (String) createProduct(owner, "Same", 5_000).get("id");

        owner.documentName("renameProduct")
                .variable("input", Map.of("productId", id, "name", " Same "))
                .execute()
                .path("renameProduct.product.version").entity(Long.class).isEqualTo(0L);
        assertThat(eventsOf(id)).hasSize(1);
    }

    @Test
    void renamingAnUnknownProductIsANotFoundUserError() {
        seller(uniqueSeller()).documentName("renameProduct")
                .variable("input", Map.of("productId", "no-such-product", "name", "x"))
                .execute()
                .path("renameProduct.product").valueIsNull()
                .path("renameProduct.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void anotherSellerMayNotRenameAndTheNameStays() {
        String id = (String) createProduct(seller(uniqueSeller()), "Mine", 5_000).get("id");

        seller(uniqueSeller()).documentName("renameProduct")
                .variable("input", Map.of("productId", id, "name", "Stolen"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "FORBIDDEN"));
        as("ADMIN", null).documentName("product").variable("id", id).execute()
                .path("product.name").entity(String.class).isEqualTo("Mine");
        assertThat(eventsOf(id)).hasSize(1);
    }

    @Test
    void aBlankNewNameIsRefusedAndStoresNothing() {
        HttpGraphQlTester owner = seller(uniqueSeller());
        String id = (String) createProduct(owner, "Keep", 5_000).get("id");

        owner.documentName("renameProduct")
                .variable("input", Map.of("productId", id, "name", ""))
                .execute()
                .path("renameProduct.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("renameProduct.errors[0].field").entityList(String.class).containsExactly("input", "name");
        assertThat(eventsOf(id)).hasSize(1);
    }

    @Test
    void concurrentRenamesOfOneProductAllLandWithoutLossOrDuplicate() throws Exception {
        HttpGraphQlTester owner = seller(uniqueSeller());
        String id = (String) createProduct(owner, "Contended", 5_000).get("id");
        int writers = 4;
        int renamesEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Callable<List<Long>> work = () -> {
                start.await();
                List<Long> versions = new ArrayList<>();
                for (int i = 0; i < renamesEach; i++) {
                    versions.add(owner.documentName("renameProduct")
                            .variable("input", Map.of("productId", id, "name", "w" + writer + "-" + i))
                            .execute()
                            .path("renameProduct.errors").entityList(Object.class).hasSize(0)
                            .path("renameProduct.product.version").entity(Long.class).get());
                }
                return versions;
            };
            results.add(pool.submit(work));
        }
        start.countDown();
        List<List<Long>> versionsPerWriter = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            versionsPerWriter.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<? extends DomainEventMessage<?>> events = eventsOf(id);
        assertThat(events).hasSize(1 + writers * renamesEach);
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).doesNotHaveDuplicates();
        // read-your-writes: each payload shows at least the writer's own change (possibly later ones of others too),
        // so one writer's successive renames answer strictly growing versions
        for (List<Long> versions : versionsPerWriter) {
            assertThat(versions).isSorted().doesNotHaveDuplicates()
                    .allMatch(v -> v >= 1 && v <= writers * renamesEach);
        }
    }
}
