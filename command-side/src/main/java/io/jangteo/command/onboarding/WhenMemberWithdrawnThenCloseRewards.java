package io.jangteo.command.onboarding;

import io.jangteo.command.schedule.Refusals;
import io.jangteo.command.schedule.SystemActor;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.rewards.CloseRewards;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A member who withdraws forfeits their points: their rewards account is closed by the system actor
 * {@code system:member-withdrawal}. Closing a closed account changes nothing, so a redelivered withdrawal is harmless;
 * a reset of this processor sends nothing again. A failure other than a refusal is thrown, for the processor to retry
 * (or park as a dead letter).
 */
@ProcessingGroup(WhenMemberWithdrawnThenCloseRewards.PROCESSING_GROUP)
@DisallowReplay
class WhenMemberWithdrawnThenCloseRewards {

    static final String PROCESSING_GROUP = "member-withdrawal";
    static final String ACTOR = "member-withdrawal";
    static final String REASON = "member withdrew";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(WhenMemberWithdrawnThenCloseRewards.class);

    private final CommandGateway commandGateway;

    WhenMemberWithdrawnThenCloseRewards(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(MemberWithdrawn event) {
        RewardsId account;
        try {
            account = RewardsId.of(event.memberId());
        } catch (IllegalArgumentException tooLong) {
            // the rewards id adds a prefix to the member id: a member id that long can have no rewards account
            log.warn("Member {} withdrew; their id is too long for a rewards account, so there is none to close",
                    event.memberId());
            return;
        }
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                    new CloseRewards(account, event.memberId(), REASON))
                            .andMetaData(SystemActor.metaData(ACTOR)),
                    COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException failure) {
            Optional<RuleViolation> refusal = Refusals.permanent(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            log.warn("Closing the rewards of withdrawn member {} was refused: {} {}", event.memberId(),
                    refusal.get().code(), refusal.get().message());
        }
    }
}
