package io.jangteo.command.catalog;

import io.jangteo.command.catalog.CategoryTreeRules.CategoryIdTaken;
import io.jangteo.command.catalog.CategoryTreeRules.CategoryMovedIntoItself;
import io.jangteo.command.catalog.CategoryTreeRules.CategoryNameRequired;
import io.jangteo.command.catalog.CategoryTreeRules.CategoryNameTooLong;
import io.jangteo.command.catalog.CategoryTreeRules.CategoryNotFound;
import io.jangteo.command.catalog.CategoryTreeRules.CategoryTreeTooDeep;
import io.jangteo.command.catalog.CategoryTreeRules.DuplicateSiblingName;
import io.jangteo.command.catalog.CategoryTreeRules.OnlyStaffEditCategories;
import io.jangteo.command.catalog.CategoryTreeRules.UnknownCategoryTree;
import io.jangteo.messages.catalog.AddCategory;
import io.jangteo.messages.catalog.CategoryAdded;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.CategoryMoved;
import io.jangteo.messages.catalog.CategoryRenamed;
import io.jangteo.messages.catalog.CategoryTreeId;
import io.jangteo.messages.catalog.MoveCategory;
import io.jangteo.messages.catalog.RenameCategory;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.jangteo.command.shared.Violations.violation;

class CategoryTreeTest {

    private static final CategoryId FASHION = CategoryId.of("fashion");
    private static final CategoryId SHOES = CategoryId.of("shoes");
    private static final CategoryId SNEAKERS = CategoryId.of("sneakers");
    private static final CategoryId RUNNING = CategoryId.of("running");
    private static final CategoryId BAGS = CategoryId.of("bags");
    private static final CategoryId FOOD = CategoryId.of("food");
    private static final CategoryId KIMCHI = CategoryId.of("kimchi");

    private FixtureConfiguration<CategoryTree> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CategoryTree.class);
    }

    // ---- adding

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SYSTEM"})
    void theFirstCategoryCreatesTheTree(ActorRole role) {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(FASHION, null, "  Fashion\t"), actingAs(role))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(FASHION, null, "Fashion"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void addsASubCategoryToTheExistingTree() {
        fixture.given(added(FASHION, null, "Fashion"), added(FOOD, null, "Food"))
                .when(new AddCategory(SHOES, FASHION, "Shoes"), admin())
                .expectEvents(added(SHOES, FASHION, "Shoes"))
                .expectResultMessagePayload(2L);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SYSTEM"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyStaffAddsCategories(ActorRole role) {
        fixture.given(added(FASHION, null, "Fashion"))
                .when(new AddCategory(SHOES, FASHION, "Shoes"), actingAs(role))
                .expectNoEvents()
                .expectException(OnlyStaffEditCategories.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aSellerCannotCreateTheTreeEither() {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(FASHION, null, "Fashion"), actingAs(ActorRole.SELLER))
                .expectNoEvents()
                .expectException(OnlyStaffEditCategories.class);
    }

    @Test
    void aCommandWithoutAnActorCannotAddACategory() {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(FASHION, null, "Fashion"), Map.of())
                .expectNoEvents()
                .expectException(OnlyStaffEditCategories.class);
    }

    @Test
    void thereIsOnlyOneTree() {
        // CategoryAdded does not name its tree, so a second tree's events would rebuild as the catalog
        fixture.givenNoPriorActivity()
                .when(new AddCategory(new CategoryTreeId("other"), FASHION, null, "Fashion"), admin())
                .expectNoEvents()
                .expectException(UnknownCategoryTree.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("treeId")));
    }

    @Test
    void cannotAddACategoryWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(FASHION, null, " "), admin())
                .expectNoEvents()
                .expectException(CategoryNameRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")));
    }

    @Test
    void cannotAddACategoryWithANullName() {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(FASHION, null, null), admin())
                .expectNoEvents()
                .expectException(CategoryNameRequired.class);
    }

    @Test
    void cannotAddACategoryWithANameOverFiftyCharacters() {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(FASHION, null, "의".repeat(51)), admin())
                .expectNoEvents()
                .expectException(CategoryNameTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")))
                .expectExceptionMessage("A category name has at most 50 characters");
    }

    @Test
    void aNameOfFiftyCharactersIsFineEvenOutsideTheBasicPlane() {
        String longest = "\uD83E\uDD6C".repeat(50); // 100 UTF-16 chars, 50 characters a person sees
        fixture.givenNoPriorActivity()
                .when(new AddCategory(FASHION, null, longest), admin())
                .expectEvents(added(FASHION, null, longest));
    }

    @Test
    void cannotAddUnderAParentThatDoesNotExist() {
        fixture.given(added(FASHION, null, "Fashion"))
                .when(new AddCategory(SHOES, CategoryId.of("nope"), "Shoes"), admin())
                .expectNoEvents()
                .expectException(CategoryNotFound.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("parentId")));
    }

    @Test
    void theFirstCategoryCannotHaveAParent() {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(SHOES, FASHION, "Shoes"), admin())
                .expectNoEvents()
                .expectException(CategoryNotFound.class);
    }

    @Test
    void aCategoryIdIsUsedOnce() {
        fixture.given(added(FASHION, null, "Fashion"))
                .when(new AddCategory(FASHION, null, "Food"), admin())
                .expectNoEvents()
                .expectException(CategoryIdTaken.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("categoryId")));
    }

    @Test
    void aCategoryIdIsUsedOnceAnywhereInTheTree() {
        fixture.given(added(FASHION, null, "Fashion"), added(SHOES, FASHION, "Shoes"))
                .when(new AddCategory(SHOES, null, "Footwear"), admin())
                .expectNoEvents()
                .expectException(CategoryIdTaken.class);
    }

    @Test
    void siblingsCannotShareANameWhateverTheCase() {
        fixture.given(added(FASHION, null, "Fashion"), added(SHOES, FASHION, "Shoes"))
                .when(new AddCategory(BAGS, FASHION, " SHOES "), admin())
                .expectNoEvents()
                .expectException(DuplicateSiblingName.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")))
                .expectExceptionMessage("There is already a category 'Shoes' here");
    }

    @Test
    void topLevelCategoriesAreSiblingsToo() {
        fixture.given(added(FASHION, null, "Fashion"))
                .when(new AddCategory(FOOD, null, "fashion"), admin())
                .expectNoEvents()
                .expectException(DuplicateSiblingName.class);
    }

    @Test
    void hangulTypedAsSeparateJamoIsTheSameName() {
        // macOS and some keyboards send decomposed Hangul: it looks identical to a shopper
        String composed = "신발";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        fixture.given(added(FASHION, null, "Fashion"), added(SHOES, FASHION, composed))
                .when(new AddCategory(BAGS, FASHION, decomposed), admin())
                .expectNoEvents()
                .expectException(DuplicateSiblingName.class);
    }

    @Test
    void theSameNameUnderAnotherParentIsFine() {
        fixture.given(added(FASHION, null, "Fashion"), added(FOOD, null, "Food"), added(SHOES, FASHION, "Other"))
                .when(new AddCategory(KIMCHI, FOOD, "Other"), admin())
                .expectEvents(added(KIMCHI, FOOD, "Other"));
    }

    @Test
    void aFourthLevelIsAllowed() {
        fixture.given(threeLevels())
                .when(new AddCategory(RUNNING, SNEAKERS, "Running"), admin())
                .expectEvents(added(RUNNING, SNEAKERS, "Running"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aFifthLevelIsRefused() {
        fixture.given(fourLevels())
                .when(new AddCategory(CategoryId.of("trail"), RUNNING, "Trail"), admin())
                .expectNoEvents()
                .expectException(CategoryTreeTooDeep.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("parentId")));
    }

    // ---- renaming

    @Test
    void adminRenamesACategoryAndTheEventCarriesThePreviousName() {
        fixture.given(threeLevels())
                .when(new RenameCategory(SHOES, " Footwear "), admin())
                .expectEvents(new CategoryRenamed(SHOES, "Shoes", "Footwear"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(threeLevels())
                .when(new RenameCategory(SHOES, "  Shoes "), admin())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void changingOnlyTheCaseIsARenameAndDoesNotClashWithItself() {
        fixture.given(threeLevels())
                .when(new RenameCategory(SHOES, "SHOES"), admin())
                .expectEvents(new CategoryRenamed(SHOES, "Shoes", "SHOES"));
    }

    @Test
    void aSecondRenameStartsFromTheFirstRenamesName() {
        fixture.given(threeLevels(new CategoryRenamed(SHOES, "Shoes", "Footwear")))
                .when(new RenameCategory(SHOES, "Shoes"), admin())
                .expectEvents(new CategoryRenamed(SHOES, "Footwear", "Shoes"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotRenameACategoryThatDoesNotExist() {
        fixture.given(threeLevels())
                .when(new RenameCategory(BAGS, "Bags"), admin())
                .expectNoEvents()
                .expectException(CategoryNotFound.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("categoryId")));
    }

    @Test
    void cannotRenameInATreeThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new RenameCategory(SHOES, "Footwear"), admin())
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void cannotRenameToASiblingsName() {
        fixture.given(threeLevels(added(BAGS, FASHION, "Bags")))
                .when(new RenameCategory(BAGS, "shoes"), admin())
                .expectNoEvents()
                .expectException(DuplicateSiblingName.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")));
    }

    @Test
    void mayRenameToTheNameOfACategoryElsewhere() {
        fixture.given(threeLevels())
                .when(new RenameCategory(SNEAKERS, "Fashion"), admin())
                .expectEvents(new CategoryRenamed(SNEAKERS, "Sneakers", "Fashion"));
    }

    @Test
    void cannotRenameToABlankName() {
        fixture.given(threeLevels())
                .when(new RenameCategory(SHOES, "\t"), admin())
                .expectNoEvents()
                .expectException(CategoryNameRequired.class);
    }

    @Test
    void cannotRenameToANameOverFiftyCharacters() {
        fixture.given(threeLevels())
                .when(new RenameCategory(SHOES, "x".repeat(51)), admin())
                .expectNoEvents()
                .expectException(CategoryNameTooLong.class);
    }

    @Test
    void aSellerCannotRenameACategory() {
        fixture.given(threeLevels())
                .when(new RenameCategory(SHOES, "Footwear"), actingAs(ActorRole.SELLER))
                .expectNoEvents()
                .expectException(OnlyStaffEditCategories.class);
    }

    @Test
    void anOutsiderCannotProbeWhichCategoriesExist() {
        // access first: a NOT_FOUND for an outsider would reveal which ids exist
        fixture.given(threeLevels())
                .when(new RenameCategory(BAGS, "Bags"), actingAs(ActorRole.CUSTOMER))
                .expectException(OnlyStaffEditCategories.class);
    }

    // ---- moving

    @Test
    void adminMovesACategoryWithItsSubTree() {
        fixture.given(threeLevels(added(FOOD, null, "Food")))
                .when(new MoveCategory(SHOES, FOOD), admin())
                .expectEvents(new CategoryMoved(SHOES, FASHION, FOOD))
                .expectResultMessagePayload(4L);
    }

    @Test
    void movesACategoryToTheTopLevel() {
        fixture.given(threeLevels())
                .when(new MoveCategory(SNEAKERS, null), admin())
                .expectEvents(new CategoryMoved(SNEAKERS, SHOES, null));
    }

    @Test
    void movingUnderTheCurrentParentChangesNothing() {
        fixture.given(threeLevels())
                .when(new MoveCategory(SNEAKERS, SHOES), admin())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotMoveACategoryUnderItself() {
        fixture.given(threeLevels())
                .when(new MoveCategory(SHOES, SHOES), admin())
                .expectNoEvents()
                .expectException(CategoryMovedIntoItself.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("parentId")));
    }

    @Test
    void cannotMoveACategoryUnderItsOwnDescendant() {
        // it would cut the sub-tree loose from the root, in a cycle
        fixture.given(threeLevels())
                .when(new MoveCategory(FASHION, SNEAKERS), admin())
                .expectNoEvents()
                .expectException(CategoryMovedIntoItself.class);
    }

    @Test
    void cannotMoveACategoryThatDoesNotExist() {
        fixture.given(threeLevels())
                .when(new MoveCategory(BAGS, FASHION), admin())
                .expectNoEvents()
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("categoryId")));
    }

    @Test
    void cannotMoveUnderAParentThatDoesNotExist() {
        fixture.given(threeLevels())
                .when(new MoveCategory(SNEAKERS, BAGS), admin())
                .expectNoEvents()
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("parentId")));
    }

    @Test
    void cannotMoveNextToASiblingOfTheSameName() {
        fixture.given(threeLevels(added(FOOD, null, "Food"), added(KIMCHI, FOOD, "SHOES")))
                .when(new MoveCategory(SHOES, FOOD), admin())
                .expectNoEvents()
                .expectException(DuplicateSiblingName.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("parentId")));
    }

    @Test
    void aSubTreeMayMoveAsLongAsItsDeepestLevelStaysWithinFour() {
        // Shoes > Sneakers is two levels; under Food > Kimchi (two levels) it reaches exactly four
        fixture.given(threeLevels(added(FOOD, null, "Food"), added(KIMCHI, FOOD, "Kimchi")))
                .when(new MoveCategory(SHOES, KIMCHI), admin())
                .expectEvents(new CategoryMoved(SHOES, FASHION, KIMCHI));
    }

    @Test
    void cannotMoveASubTreeWhoseDeepestLevelWouldExceedFour() {
        CategoryId pickled = CategoryId.of("pickled");
        fixture.given(threeLevels(added(FOOD, null, "Food"), added(KIMCHI, FOOD, "Kimchi"),
                        added(pickled, KIMCHI, "Pickled")))
                .when(new MoveCategory(SHOES, pickled), admin())
                .expectNoEvents()
                .expectException(CategoryTreeTooDeep.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("parentId")));
    }

    @Test
    void aMovedCategoryIsCountedAtItsNewPlace() {
        // Sneakers moved to the top: its children may now go two levels deeper than before
        fixture.given(fourLevels(new CategoryMoved(SNEAKERS, SHOES, null)))
                .when(new AddCategory(CategoryId.of("trail"), RUNNING, "Trail"), admin())
                .expectEvents(added(CategoryId.of("trail"), RUNNING, "Trail"));
    }

    @Test
    void aMovedCategoryClashesWithItsNewSiblings() {
        fixture.given(threeLevels(new CategoryMoved(SNEAKERS, SHOES, null)))
                .when(new AddCategory(FOOD, null, "sneakers"), admin())
                .expectNoEvents()
                .expectException(DuplicateSiblingName.class);
    }

    @Test
    void aRenamedCategoryClashesUnderItsNewName() {
        fixture.given(threeLevels(new CategoryRenamed(SHOES, "Shoes", "Footwear")))
                .when(new AddCategory(BAGS, FASHION, "footwear"), admin())
                .expectNoEvents()
                .expectException(DuplicateSiblingName.class);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SYSTEM"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyStaffMovesCategories(ActorRole role) {
        fixture.given(threeLevels())
                .when(new MoveCategory(SNEAKERS, null), actingAs(role))
                .expectNoEvents()
                .expectException(OnlyStaffEditCategories.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    // ---- builders

    private static CategoryAdded added(CategoryId id, CategoryId parent, String name) {
        return new CategoryAdded(id, parent, name);
    }

    /** Fashion > Shoes > Sneakers (events 0 to 2), then {@code more}. */
    private static List<Object> threeLevels(Object... more) {
        List<Object> events = new ArrayList<>(List.of(added(FASHION, null, "Fashion"),
                added(SHOES, FASHION, "Shoes"), added(SNEAKERS, SHOES, "Sneakers")));
        events.addAll(List.of(more));
        return events;
    }

    /** Fashion > Shoes > Sneakers > Running (events 0 to 3), then {@code more}. */
    private static List<Object> fourLevels(Object... more) {
        return threeLevels(Stream.concat(Stream.of(added(RUNNING, SNEAKERS, "Running")), Stream.of(more)).toArray());
    }

    private static Map<String, Object> admin() {
        return actingAs(ActorRole.ADMIN);
    }

    private static Map<String, Object> actingAs(ActorRole role) {
        return Map.of(AuditKeys.ACTOR_ROLE, role.name(), AuditKeys.ACTOR_ID, role.name().toLowerCase() + "-1");
    }
}
