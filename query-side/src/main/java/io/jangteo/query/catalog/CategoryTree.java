package io.jangteo.query.catalog;

import io.jangteo.query.shared.ChangeCounters.Stamp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An immutable snapshot of the category tree: parents before children, siblings by name. */
final class CategoryTree {

    // before EMPTY: building it sorts with this
    private static final Comparator<Category> SIBLINGS =
            Comparator.comparing((Category c) -> CatalogEntry.searchKey(c.name())).thenComparing(Category::id);

    static final CategoryTree EMPTY = new CategoryTree(Stamp.NONE, List.of());

    record Node(String id, String parentId, String name, List<String> path) {
    }

    record Category(String id, String parentId, String name) {
    }

    private final Stamp stamp;
    private final List<Node> ordered;
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Set<String>> subtrees = new ConcurrentHashMap<>();

    CategoryTree(Stamp stamp, Collection<Category> categories) {
        this.stamp = stamp;
        Map<String, Category> byId = new HashMap<>();
        for (Category category : categories) {
            byId.put(category.id(), category);
        }
        Map<String, List<Category>> childrenOf = new HashMap<>();
        List<Category> roots = new ArrayList<>();
        for (Category category : categories) {
            // a parent the tree does not know (never expected) would hide the category: show it at the top instead
            if (category.parentId() == null || !byId.containsKey(category.parentId())) {
                roots.add(category);
            } else {
                childrenOf.computeIfAbsent(category.parentId(), p -> new ArrayList<>()).add(category);
            }
        }
        List<Node> nodes = new ArrayList<>(categories.size());
        Deque<Node> pending = new ArrayDeque<>();
        roots.sort(SIBLINGS.reversed());
        for (Category root : roots) {
            pending.push(new Node(root.id(), null, root.name(), List.of(root.id())));
        }
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node.id())) {
                continue;
            }
            nodes.add(node);
            List<Category> kids = new ArrayList<>(childrenOf.getOrDefault(node.id(), List.of()));
            kids.sort(SIBLINGS.reversed());
            List<String> kidIds = new ArrayList<>();
            for (Category kid : kids) {
                List<String> path = new ArrayList<>(node.path());
                path.add(kid.id());
                pending.push(new Node(kid.id(), node.id(), kid.name(), List.copyOf(path)));
                kidIds.add(0, kid.id());
            }
            children.put(node.id(), kidIds);
        }
        this.ordered = List.copyOf(nodes);
    }

    Stamp stamp() {
        return stamp;
    }

    /** The tree aggregate's last sequence number; the counter holds the number of events applied. */
    long version() {
        return stamp.committed() - 1;
    }

    boolean isAtLeast(Stamp other) {
        return this != EMPTY && stamp.epoch() == other.epoch() && stamp.committed() >= other.committed();
    }

    List<Node> ordered() {
        return ordered;
    }

    /** The category and all its descendants; an unknown category is just itself (it may be added later). */
    Set<String> subtree(String categoryId) {
        return subtrees.computeIfAbsent(categoryId, id -> {
            Set<String> ids = new HashSet<>();
            Deque<String> pending = new ArrayDeque<>(List.of(id));
            while (!pending.isEmpty()) {
                String next = pending.pop();
                if (ids.add(next)) {
                    pending.addAll(children.getOrDefault(next, List.of()));
                }
            }
            return Set.copyOf(ids);
        });
    }
}
