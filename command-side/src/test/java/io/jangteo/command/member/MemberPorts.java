package io.jangteo.command.member;

import com.mongodb.client.MongoDatabase;
import io.jangteo.command.shared.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * The member's ports as the application wires them: the real MongoDB adapters on a fresh database of the embedded
 * server, and doubles only at the providers' edges (identity, payments, notifications).
 */
final class MemberPorts {

    final MutableClock clock = new MutableClock(MemberFixtures.NOW);
    final MemberSettings settings = MemberSettings.defaults();
    final MongoDatabase database;
    final MongoEmailRegistry emails;
    final MongoPasswordStore passwords;
    final MongoSessions sessions;
    final MongoPasswordResets resets;
    final FakeIdentityVerifier verifier = new FakeIdentityVerifier();
    final FakeBillingKeys billingKeys = new FakeBillingKeys();
    final RecordingNotifications notifications = new RecordingNotifications();

    MemberPorts(MongoDatabase database) {
        this.database = database;
        emails = new MongoEmailRegistry(database, clock);
        passwords = new MongoPasswordStore(database, clock);
        sessions = new MongoSessions(database, settings.refreshTtl(), clock);
        resets = new MongoPasswordResets(database, settings.passwordResetTtl(), clock);
    }

    /** A fixture for the aggregate with these ports injectable, and {@link Authentication} on its repository. */
    FixtureConfiguration<Member> fixture() {
        FixtureConfiguration<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResources(emails, passwords, sessions, resets, verifier, billingKeys, notifications,
                settings);
        fixture.registerAnnotatedCommandHandler(authentication(fixture));
        return fixture;
    }

    /** The e-mail claimed and the password stored, as the fixtures' registration leaves them outside the events. */
    void holdRegisteredCredentials() {
        emails.claim(MemberFixtures.EMAIL, MemberFixtures.MEMBER_ID);
        passwords.set(MemberFixtures.MEMBER_ID, MemberFixtures.PASSWORD);
    }

    Authentication authentication(FixtureConfiguration<Member> fixture) {
        return new Authentication(fixture.getRepository(), emails, passwords, sessions, resets, notifications,
                settings);
    }
}
