package io.jangteo.command.catalog;

import io.jangteo.command.catalog.CategoryTree.CategoryNode;
import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.CategoryTreeId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The rules of the category tree: who edits it, names, unique ids, existing parents, no cycles, limited depth. */
final class CategoryTreeRules {

    static final int MAX_NAME_LENGTH = 50;
    /** Levels from a top-level category down, inclusive: storefront menus show no more. */
    static final int MAX_DEPTH = 4;

    private CategoryTreeRules() {
    }

    static void assertMayEdit(String actorRole) {
        if (!ActorRole.ADMIN.name().equals(actorRole) && !ActorRole.SYSTEM.name().equals(actorRole)) {
            throw new OnlyStaffEditCategories();
        }
    }

    static void assertTheCatalog(CategoryTreeId treeId) {
        // CategoryAdded does not name its tree, so a second tree could not be rebuilt from its events
        if (!CategoryTreeId.CATALOG.equals(treeId)) {
            throw new UnknownCategoryTree(treeId);
        }
    }

    static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new CategoryNameRequired();
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) {
            throw new CategoryNameTooLong();
        }
        return stripped;
    }

    static void assertNewId(Map<CategoryId, CategoryNode> categories, CategoryId id) {
        if (categories.containsKey(id)) {
            throw new CategoryIdTaken(id);
        }
    }

    static CategoryNode existing(Map<CategoryId, CategoryNode> categories, CategoryId id) {
        CategoryNode node = categories.get(id);
        if (node == null) {
            throw new CategoryNotFound(List.of("categoryId"), id);
        }
        return node;
    }

    static void assertParentExists(Map<CategoryId, CategoryNode> categories, CategoryId parentId) {
        if (parentId != null && !categories.containsKey(parentId)) {
            throw new CategoryNotFound(List.of("parentId"), parentId);
        }
    }

    /** {@code levels}: how many levels the new or moved sub-tree brings (1 for a leaf). */
    static void assertFitsUnder(Map<CategoryId, CategoryNode> categories, CategoryId parentId, int levels) {
        if (depth(categories, parentId) + levels > MAX_DEPTH) {
            throw new CategoryTreeTooDeep();
        }
    }

    static void assertNotIntoItself(Map<CategoryId, CategoryNode> categories, CategoryId moved, CategoryId parentId) {
        for (CategoryId at = parentId; at != null; at = categories.get(at).parentId()) {
            if (at.equals(moved)) {
                throw new CategoryMovedIntoItself();
            }
        }
    }

    /**
     * {@code except}: the category being renamed or moved, which does not clash with itself; {@code field}: the input
     * that caused the clash (the name when adding or renaming, the target parent when moving).
     */
    static void assertNoSiblingNamed(Map<CategoryId, CategoryNode> categories, CategoryId parentId, String name,
                                     CategoryId except, String field) {
        String key = comparable(name);
        for (Map.Entry<CategoryId, CategoryNode> entry : categories.entrySet()) {
            CategoryNode node = entry.getValue();
            if (!entry.getKey().equals(except) && Objects.equals(node.parentId(), parentId)
                    && comparable(node.name()).equals(key)) {
                throw new DuplicateSiblingName(field, node.name());
            }
        }
    }

    /** Levels below {@code id}, counting itself: 1 for a leaf. */
    static int height(Map<CategoryId, CategoryNode> categories, CategoryId id) {
        int below = 0;
        for (Map.Entry<CategoryId, CategoryNode> entry : categories.entrySet()) {
            if (id.equals(entry.getValue().parentId())) {
                below = Math.max(below, height(categories, entry.getKey()));
            }
        }
        return below + 1;
    }

    /** Levels of {@code id} from the top, counting itself; 0 for the root (no parent). */
    private static int depth(Map<CategoryId, CategoryNode> categories, CategoryId id) {
        int depth = 0;
        for (CategoryId at = id; at != null; at = categories.get(at).parentId()) {
            depth++;
        }
        return depth;
    }

    /** "Shoes" and "shoes", and Hangul typed as composed or as separate jamo, are the same name to a shopper. */
    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    static final class OnlyStaffEditCategories extends DomainRuleViolation {
        OnlyStaffEditCategories() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only an admin or a system actor may edit the category tree");
        }
    }

    static final class UnknownCategoryTree extends DomainRuleViolation {
        UnknownCategoryTree(CategoryTreeId treeId) {
            super(ErrorCode.NOT_FOUND, List.of("treeId"), "There is one category tree, '" + CategoryTreeId.CATALOG
                    + "'; there is no '" + treeId + "'");
        }
    }

    static final class CategoryNameRequired extends DomainRuleViolation {
        CategoryNameRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("name"), "A category needs a name");
        }
    }

    static final class CategoryNameTooLong extends DomainRuleViolation {
        CategoryNameTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("name"),
                    "A category name has at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    static final class CategoryIdTaken extends DomainRuleViolation {
        CategoryIdTaken(CategoryId id) {
            super(ErrorCode.INVALID_INPUT, List.of("categoryId"), "Category id " + id + " is already used");
        }
    }

    static final class CategoryNotFound extends DomainRuleViolation {
        CategoryNotFound(List<String> field, CategoryId id) {
            super(ErrorCode.NOT_FOUND, field, "No category " + id);
        }
    }

    static final class CategoryTreeTooDeep extends DomainRuleViolation {
        CategoryTreeTooDeep() {
            super(ErrorCode.INVALID_INPUT, List.of("parentId"),
                    "Categories nest at most " + MAX_DEPTH + " levels deep");
        }
    }

    static final class CategoryMovedIntoItself extends DomainRuleViolation {
        CategoryMovedIntoItself() {
            super(ErrorCode.INVALID_INPUT, List.of("parentId"),
                    "A category cannot move under itself or one of its sub-categories");
        }
    }

    static final class DuplicateSiblingName extends DomainRuleViolation {
        DuplicateSiblingName(String field, String existing) {
            super(ErrorCode.INVALID_INPUT, List.of(field), "There is already a category '" + existing + "' here");
        }
    }
}
