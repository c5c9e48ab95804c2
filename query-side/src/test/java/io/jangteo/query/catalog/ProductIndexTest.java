package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.ProductSort;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.query.shared.ChangeCounters.Stamp;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging changes into the kept orders gives exactly the orders a full sort would. */
class ProductIndexTest {

    private static final Random SEEDS = new Random(7);

    @RepeatedTest(20)
    void updatingGivesTheSameOrdersAsBuildingAfresh() {
        Random random = new Random(SEEDS.nextLong());
        Map<String, CatalogEntry> all = new HashMap<>();
        long seq = 0;
        for (int i = 0; i < 200; i++) {
            CatalogEntry entry = entry(random, "p" + i, i, ++seq);
            all.put(entry.id(), entry);
        }
        ProductIndex index = ProductIndex.build(new Stamp(1, seq), all);
        for (int round = 0; round < 10; round++) {
            List<CatalogEntry> changed = new ArrayList<>();
            for (int c = random.nextInt(6); c >= 0; c--) {
                // price, name, stock changes of existing products, and new products
                String id = random.nextInt(4) == 0 ? "p" + (all.size()) : "p" + random.nextInt(all.size());
                long position = all.containsKey(id) ? all.get(id).position() : all.size();
                CatalogEntry entry = entry(random, id, position, ++seq);
                all.put(id, entry);
                changed.add(entry);
            }
            index = index.updated(new Stamp(1, seq), changed);
            ProductIndex rebuilt = ProductIndex.build(new Stamp(1, seq), all);
            for (ProductSort sort : ProductSort.values()) {
                assertThat(Arrays.stream(index.order(sort)).map(CatalogEntry::id).toList()).as(sort.name())
                        .isEqualTo(Arrays.stream(rebuilt.order(sort)).map(CatalogEntry::id).toList());
            }
        }
    }

    private static CatalogEntry entry(Random random, String id, long position, long changeSeq) {
        String name = "name" + random.nextInt(30);
        return new CatalogEntry(id, "s" + random.nextInt(3), null, ProductStatus.ON_SALE, 1_000L * random.nextInt(20),
                "KRW", random.nextBoolean(), name, "", List.of(), position, changeSeq);
    }
}
