package io.jangteo.command.catalog;

import io.jangteo.command.shared.RealCommandBus;
import io.jangteo.messages.catalog.AddCategory;
import io.jangteo.messages.catalog.CategoryAdded;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.CategoryTreeId;
import io.jangteo.messages.catalog.RenameCategory;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The tree behind a real event-sourcing repository: the fixture cannot show that "create if missing" stores the first
 * category under the tree's id and that later commands load that same stream.
 */
class CategoryTreeCommandBusTest {

    private static final Map<String, String> ADMIN = Map.of(AuditKeys.ACTOR_ROLE, "ADMIN", AuditKeys.ACTOR_ID, "a-1");

    private EmbeddedEventStore eventStore;
    private CommandGateway commandGateway;

    @BeforeEach
    void setUp() {
        RealCommandBus bus = RealCommandBus.of(CategoryTree.class);
        eventStore = bus.eventStore();
        commandGateway = bus.gateway();
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    private Object send(Object command) {
        return commandGateway.sendAndWait(command, MetaData.from(ADMIN));
    }

    @Test
    void theFirstCategoryStartsTheCatalogStreamAndLaterOnesAppendToIt() {
        Object first = send(new AddCategory(CategoryId.of("fashion"), null, "Fashion"));
        Object second = send(new AddCategory(CategoryId.of("shoes"), CategoryId.of("fashion"), "Shoes"));

        assertThat(first).isEqualTo(0L);
        assertThat(second).isEqualTo(1L);
        List<DomainEventMessage<?>> stream =
                eventStore.readEvents(CategoryTreeId.CATALOG.toString()).asStream().<DomainEventMessage<?>>map(e -> e)
                        .toList();
        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(stream).<Object>extracting(DomainEventMessage::getPayload).containsExactly(
                new CategoryAdded(CategoryId.of("fashion"), null, "Fashion"),
                new CategoryAdded(CategoryId.of("shoes"), CategoryId.of("fashion"), "Shoes"));
    }

    @Test
    void aSiblingClashIsFoundInTheLoadedTree() {
        send(new AddCategory(CategoryId.of("fashion"), null, "Fashion"));

        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(new AddCategory(CategoryId.of("fashion-2"), null, "FASHION")));

        assertThat(refused.getDetails()).map(RuleViolation.class::cast).hasValueSatisfying(violation -> {
            assertThat(violation.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(violation.field()).containsExactly("name");
        });
    }

    @Test
    void renamingBeforeAnyCategoryExistsIsNotFound() {
        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(new RenameCategory(CategoryId.of("fashion"), "Fashion")));

        assertThat(refused.getDetails())
                .contains(new RuleViolation(ErrorCode.NOT_FOUND, List.of(), "No such category tree"));
    }
}
