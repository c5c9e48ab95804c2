package io.jangteo.command.schedule;

import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Duration;

/** The scheduler's poller for tests of other packages, polled by hand on the test's clock. */
public final class TestPoller {

    private final ScheduledCommandPoller poller;

    public TestPoller(ScheduledCommands items, CommandGateway commandGateway, Clock clock) {
        poller = new ScheduledCommandPoller(items, commandGateway, Duration.ofSeconds(1), 3, Duration.ofSeconds(10),
                clock);
    }

    public int pollOnce() {
        return poller.pollOnce();
    }
}
