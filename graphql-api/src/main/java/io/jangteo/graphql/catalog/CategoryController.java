package io.jangteo.graphql.catalog;

import io.jangteo.graphql.catalog.CatalogNodes.Category;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.graphql.support.Mutations;
import io.jangteo.graphql.support.Mutations.Prepared;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.catalog.AddCategory;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.CategoryTreeView;
import io.jangteo.messages.catalog.FindCategoriesQuery;
import io.jangteo.messages.catalog.MoveCategory;
import io.jangteo.messages.catalog.RenameCategory;
import io.jangteo.messages.shared.ActorRole;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/** Category tree mutations (admins). The tree aggregate judges names, parents and cycles. */
@Controller
class CategoryController {

    private final Mutations mutations;

    CategoryController(Mutations mutations) {
        this.mutations = mutations;
    }

    @MutationMapping
    Mono<CategoryPayload> addCategory(@Argument AddCategoryInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        CategoryId categoryId = CategoryId.random();
        return change(authentication, request, () -> new Target(categoryId, new AddCategory(categoryId,
                Inputs.id(input.parentId(), CategoryId::of, "category", "parentId"), input.name())));
    }

    @MutationMapping
    Mono<CategoryPayload> renameCategory(@Argument RenameCategoryInput input, Authentication authentication,
                                         @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, () -> {
            CategoryId categoryId = Inputs.id(input.categoryId(), CategoryId::of, "category", "categoryId");
            return new Target(categoryId, new RenameCategory(categoryId, input.name()));
        });
    }

    @MutationMapping
    Mono<CategoryPayload> moveCategory(@Argument MoveCategoryInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, () -> {
            CategoryId categoryId = Inputs.id(input.categoryId(), CategoryId::of, "category", "categoryId");
            return new Target(categoryId, new MoveCategory(categoryId,
                    Inputs.id(input.parentId(), CategoryId::of, "category", "parentId")));
        });
    }

    private record Target(CategoryId categoryId, Object command) {
    }

    private Mono<CategoryPayload> change(Authentication authentication, RequestContext request,
                                         Supplier<Target> target) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN);
        AtomicReference<CategoryId> addressed = new AtomicReference<>();
        Function<CategoryTreeView, Category> node = tree -> CatalogNodes.categories(tree).get(addressed.get().value());
        return mutations.run(actor, request, () -> {
            Target t = target.get();
            addressed.set(t.categoryId());
            return new Prepared(t.command(), new FindCategoriesQuery(actor.viewer()));
        }, CategoryTreeView.class, CategoryTreeView::version, node, CategoryPayload::new);
    }

    record AddCategoryInput(String parentId, String name) {
    }

    record RenameCategoryInput(String categoryId, String name) {
    }

    record MoveCategoryInput(String categoryId, String parentId) {
    }

    record CategoryPayload(Category category, List<UserError> errors) {
    }
}
