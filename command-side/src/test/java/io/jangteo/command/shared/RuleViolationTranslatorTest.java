package io.jangteo.command.shared;

import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.RenameProduct;
import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RuleViolationTranslatorTest {

    private static final ProductId PRODUCT_ID = ProductId.of("p-1");

    private final RuleViolationTranslator translator = new RuleViolationTranslator();

    @AfterEach
    void leaveNoUnitOfWorkBehind() {
        // a unit of work left on this thread would become the parent of the next test's
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void aRuleViolationTravelsAsTheDetailsOfACommandExecutionException() {
        OutOfStock violation = new OutOfStock();

        Throwable thrown = handle(new RenameProduct(PRODUCT_ID, "x"), () -> {
            throw violation;
        });

        assertThat(thrown).isInstanceOf(CommandExecutionException.class)
                .hasMessage("Only 2 left")
                .hasCause(violation);
        assertThat(((CommandExecutionException) thrown).getDetails())
                .contains(new RuleViolation(ErrorCode.INVALID_INPUT, List.of("lines", "0", "quantity"),
                        "Only 2 left"));
    }

    @Test
    void aMissingAggregateIsReportedAsNotFoundNamingTheCommandsTarget() {
        AggregateNotFoundException missing = new AggregateNotFoundException("p-1", "not found");

        Throwable thrown = handle(new RenameProduct(PRODUCT_ID, "x"), () -> {
            throw missing;
        });

        assertThat(thrown).isInstanceOf(CommandExecutionException.class).hasCause(missing);
        assertThat(((CommandExecutionException) thrown).getDetails())
                .contains(new RuleViolation(ErrorCode.NOT_FOUND, List.of(), "No such product"));
    }

    @Test
    void aMissingAggregateIsNamedAfterItsIdentifierNotTheCommandsNoun() {
        // "ReserveStock" on an unknown product: the caller is told about the product, not about "stock"
        Throwable thrown = handle(new ReserveStock(PRODUCT_ID, VariantId.DEFAULT, ReservationId.of("o-1"), 1), () -> {
            throw new AggregateNotFoundException("p-1", "not found");
        });

        assertThat(((CommandExecutionException) thrown).getDetails())
                .contains(new RuleViolation(ErrorCode.NOT_FOUND, List.of(), "No such product"));
    }

    @Test
    void anIdentifierOfSeveralWordsNamesTheAggregateInWords() {
        Throwable thrown = handle(new ShelveBook(new LibraryShelfId("s-1")), () -> {
            throw new AggregateNotFoundException("s-1", "not found");
        });

        assertThat(((CommandExecutionException) thrown).getDetails())
                .contains(new RuleViolation(ErrorCode.NOT_FOUND, List.of(), "No such library shelf"));
    }

    @Test
    void aConcurrentChangeIsReportedAsAConflict() {
        ConcurrencyException conflict = new ConcurrencyException("sequence 3 already taken");

        Throwable thrown = handle(new RenameProduct(PRODUCT_ID, "x"), () -> {
            throw conflict;
        });

        assertThat(thrown).isInstanceOf(CommandExecutionException.class).hasCause(conflict);
        assertThat(((CommandExecutionException) thrown).getDetails())
                .map(RuleViolation.class::cast)
                .map(RuleViolation::code)
                .contains(ErrorCode.CONFLICT);
    }

    @Test
    void aStaleExpectedVersionIsReportedAsAConflict() {
        Throwable thrown = handle(new RenameProduct(PRODUCT_ID, "x"), () -> {
            throw new ConflictingAggregateVersionException("p-1", 1, 2);
        });

        assertThat(((CommandExecutionException) thrown).getDetails())
                .map(RuleViolation.class::cast)
                .map(RuleViolation::code)
                .contains(ErrorCode.CONFLICT);
    }

    @Test
    void anyOtherFailurePassesThroughUnchanged() {
        // infrastructure failures are not the user's to fix; dressing them as rule violations would hide them
        IllegalStateException broken = new IllegalStateException("serializer broke");

        Throwable thrown = handle(new CreateProduct(PRODUCT_ID, SellerId.of("s-1"), "x", null, null, null, null, Money.won(1), null, null), () -> {
            throw broken;
        });

        assertThat(thrown).isSameAs(broken);
    }

    @Test
    void aSuccessfulResultPassesThroughUnchanged() throws Exception {
        UnitOfWork<CommandMessage<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(new RenameProduct(PRODUCT_ID, "x")));

        assertThat(translator.handle(unitOfWork, () -> 7L)).isEqualTo(7L);
    }

    private Throwable handle(Object command, InterceptorChain chain) {
        UnitOfWork<CommandMessage<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
        return catchThrowable(() -> translator.handle(unitOfWork, chain));
    }

    record LibraryShelfId(String value) {
    }

    record ShelveBook(@TargetAggregateIdentifier LibraryShelfId shelfId) {
    }

    private static final class OutOfStock extends DomainRuleViolation {
        OutOfStock() {
            super(ErrorCode.INVALID_INPUT, List.of("lines", "0", "quantity"), "Only 2 left");
        }
    }
}
