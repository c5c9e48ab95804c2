package io.jangteo.command.member;

import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.ChangeMemberName;
import io.jangteo.messages.member.LogIn;
import io.jangteo.messages.member.LogOut;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.LoginResult;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberLoggedOut;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.RefreshSession;
import io.jangteo.messages.member.RegisterMember;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.jangteo.command.member.MemberFixtures.EMAIL;
import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.NAME;
import static io.jangteo.command.member.MemberFixtures.PASSWORD;
import static io.jangteo.command.member.MemberFixtures.PHONE;
import static io.jangteo.command.member.MemberFixtures.anonymous;
import static io.jangteo.command.member.MemberFixtures.registerMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The member and {@link Authentication} behind a real command bus, event-sourcing repository and event store, with
 * {@link RuleViolationTranslator} registered as the application registers it: that a failed login's events are
 * stored although the login failed, and what a caller receives when a command is refused.
 */
class AuthenticationCommandBusTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MemberPorts ports = new MemberPorts(mongo.freshDatabase());
    private EmbeddedEventStore eventStore;
    private CommandGateway gateway;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        // the ports reach the aggregate's handlers as Spring beans do in the application
        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Member.class),
                new SimpleResourceParameterResolverFactory(List.of(ports.emails, ports.passwords, ports.sessions,
                        ports.resets, ports.verifier, ports.billingKeys, ports.notifications)));
        EventSourcingRepository<Member> repository = EventSourcingRepository.builder(Member.class)
                .eventStore(eventStore)
                .parameterResolverFactory(parameters)
                .build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
        AggregateAnnotationCommandHandler.<Member>builder()
                .aggregateType(Member.class)
                .repository(repository)
                .parameterResolverFactory(parameters)
                .build()
                .subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new Authentication(repository, ports.emails, ports.passwords,
                ports.sessions, ports.resets, ports.notifications, ports.settings))
                .subscribe(commandBus);
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    private <R> R send(Object command) {
        return gateway.sendAndWait(command, MetaData.from(anonymous()));
    }

    private List<Object> storedEvents(MemberId memberId) {
        return eventStore.readEvents(memberId.value()).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    @Test
    void failedLoginsAndTheLockTheyCauseAreStoredAlthoughEveryLoginFailed() {
        send(registerMember());

        for (int attempt = 1; attempt <= 5; attempt++) {
            LoginResult result = send(new LogIn(EMAIL, "wrong password " + attempt));
            assertThat(result.succeeded()).isFalse();
            assertThat(result.failure()).isEqualTo(LoginFailure.BAD_CREDENTIALS);
        }
        LoginResult locked = send(new LogIn(EMAIL, PASSWORD));

        assertThat(locked.failure()).isEqualTo(LoginFailure.LOCKED);
        List<Object> events = storedEvents(MEMBER_ID);
        assertThat(events).hasSize(8);
        assertThat(events.get(0)).isInstanceOf(MemberRegistered.class);
        assertThat(events.subList(1, 6)).extracting(event -> ((LoginFailed) event).consecutiveFailures())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(events.get(6)).isInstanceOfSatisfying(AccountLocked.class,
                lock -> assertThat(lock.lockedUntil()).isEqualTo(locked.lockedUntil()));
        assertThat(events.get(7)).isEqualTo(new LoginFailed(MEMBER_ID, LoginFailure.LOCKED, 5));
    }

    @Test
    void aMemberRegistersSignsInRefreshesAndSignsOut() {
        send(registerMember());

        LoginResult signedIn = send(new LogIn(EMAIL, PASSWORD));
        LoginResult refreshed = send(new RefreshSession(signedIn.refreshToken()));
        send(new LogOut(refreshed.refreshToken()));
        LoginResult afterLogout = send(new RefreshSession(refreshed.refreshToken()));

        assertThat(signedIn.succeeded()).isTrue();
        assertThat(refreshed.succeeded()).isTrue();
        assertThat(refreshed.memberId()).isEqualTo(MEMBER_ID);
        assertThat(afterLogout).isEqualTo(LoginResult.failed(LoginFailure.SESSION_INVALID, null));
        assertThat(storedEvents(MEMBER_ID)).extracting(Object::getClass).containsExactly(
                MemberRegistered.class, LoginSucceeded.class, MemberLoggedOut.class);
    }

    @Test
    void aDuplicateEmailReachesTheCallerAsItsRuleViolation() {
        send(registerMember());

        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(new RegisterMember(MemberId.of("m-2"), "MINJI@example.com", PASSWORD, NAME, PHONE, false,
                        false)));

        assertThat(refused.getDetails()).contains(new RuleViolation(ErrorCode.DUPLICATE, List.of("email"),
                "This e-mail is already registered"));
        assertThat(storedEvents(MemberId.of("m-2"))).isEmpty();
    }

    @Test
    void aRefusedCommandOnTheAggregateCarriesItsCode() {
        send(registerMember());

        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> gateway.sendAndWait(new ChangeMemberName(MEMBER_ID, "X", null),
                        MetaData.from(MemberFixtures.anotherCustomer())));

        assertThat(refused.getDetails()).map(RuleViolation.class::cast).map(RuleViolation::code)
                .contains(ErrorCode.FORBIDDEN);
    }
}
