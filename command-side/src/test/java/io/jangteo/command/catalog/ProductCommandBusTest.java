package io.jangteo.command.catalog;

import io.jangteo.command.shared.RealCommandBus;
import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jangteo.command.catalog.ProductFixtures.OTHER_SELLER;
import static io.jangteo.command.catalog.ProductFixtures.SELLER;
import static io.jangteo.command.catalog.ProductFixtures.actingAs;
import static io.jangteo.command.catalog.ProductFixtures.createProduct;
import static io.jangteo.command.catalog.ProductFixtures.renameProduct;
import static io.jangteo.command.catalog.ProductFixtures.seller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The product behind a real command bus with {@link RuleViolationTranslator} registered, as the application runs it:
 * what the API receives when a command is refused.
 */
class ProductCommandBusTest {

    private EmbeddedEventStore eventStore;
    private CommandGateway commandGateway;

    @BeforeEach
    void setUp() {
        RealCommandBus bus = RealCommandBus.of(Product.class);
        eventStore = bus.eventStore();
        commandGateway = bus.gateway();
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    private Object send(Object command, Map<String, ?> metaData) {
        return commandGateway.sendAndWait(command, MetaData.from(metaData));
    }

    @Test
    void aRenameAnswersTheVersionTheReadModelMustReach() {
        send(createProduct(), seller(SELLER));

        Object first = send(renameProduct("Kkakdugi 1kg"), seller(SELLER));
        Object second = send(renameProduct("Chonggak kimchi"), seller(SELLER));

        assertThat(first).isEqualTo(1L);
        assertThat(second).isEqualTo(2L);
    }

    @Test
    void aRefusedCommandReachesTheCallerAsItsRuleViolation() {
        send(createProduct(), seller(SELLER));

        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(renameProduct("Kkakdugi 1kg"), seller(OTHER_SELLER)));

        assertThat(refused.getDetails()).map(RuleViolation.class::cast)
                .hasValueSatisfying(violation -> {
                    assertThat(violation.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(violation.field()).isEmpty();
                });
    }

    @Test
    void invalidInputReachesTheCallerWithTheFieldToBlame() {
        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(createProduct(" ", ProductFixtures.PRICE), seller(SELLER)));

        assertThat(refused.getDetails()).map(RuleViolation.class::cast).map(RuleViolation::field)
                .contains(List.of("name"));
    }

    @Test
    void renamingAnUnknownProductReachesTheCallerAsNotFound() {
        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(renameProduct("Kkakdugi 1kg"), actingAs(ActorRole.ADMIN)));

        assertThat(refused.getDetails())
                .contains(new RuleViolation(ErrorCode.NOT_FOUND, List.of(), "No such product"));
    }
}
