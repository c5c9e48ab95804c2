package io.jangteo.command.rewards;

import io.jangteo.command.schedule.ScheduledCommands;
import io.jangteo.messages.rewards.ExpirePoints;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.rewards.MakePointsAvailable;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PointsAllocation;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.PointsRefunded;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.ReviewGrade;
import io.jangteo.messages.rewards.RewardsId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Duration;
import java.time.Instant;

/**
 * Schedules what a rewards account must do later: make earned points available, expire them, and review the grade
 * when a purchase leaves the window. Each item has a key of its own, so handling an event again (a redelivery, or a
 * reset of this processor to rebuild a lost schedule) replaces items rather than adding them, and the commands do
 * nothing when their time has not come or their work is done.
 * <p>
 * Items are due one second after their moment: a node whose clock runs slightly behind the scheduler's would otherwise
 * find the command not yet due, do nothing, and the item would be gone.
 */
@ProcessingGroup(RewardsSchedule.PROCESSING_GROUP)
class RewardsSchedule {

    static final String PROCESSING_GROUP = "rewards-schedule";
    static final String POINTS_ACTOR = "points";
    static final String GRADES_ACTOR = "grades";
    static final Duration MARGIN = Duration.ofSeconds(1);

    private final ScheduledCommands scheduledCommands;
    private final GradeTable gradeTable;

    RewardsSchedule(ScheduledCommands scheduledCommands, GradeTable gradeTable) {
        this.scheduledCommands = scheduledCommands;
        this.gradeTable = gradeTable;
    }

    @EventHandler
    void on(PointsEarned event) {
        scheduledCommands.schedule(availabilityKey(event.rewardsId(), event.entryId()),
                event.availableAt().plus(MARGIN), new MakePointsAvailable(event.rewardsId(), event.entryId()),
                POINTS_ACTOR);
        scheduleExpiry(event.rewardsId(), event.entryId(), event.expiresAt());
    }

    @EventHandler
    void on(PointsAdjusted event) {
        if (event.delta() > 0) {
            scheduleExpiry(event.rewardsId(), event.entryId(), event.expiresAt());
        }
    }

    /**
     * Points refunded to an earning past its expiry must expire again, but the earning's own item is gone once it ran,
     * and the event does not tell which earnings are past their expiry. So each refunded earning gets one more expiry
     * now, under a key of its own (the earning's own item, if still waiting, must keep its time): for an earning not yet
     * expired it does nothing.
     */
    @EventHandler
    void on(PointsRefunded event, @Timestamp Instant refundedAt) {
        for (PointsAllocation allocation : event.allocations()) {
            scheduledCommands.schedule(
                    "points-expiry-after-refund:" + event.rewardsId() + ":" + event.spendId() + ":"
                            + allocation.entryId(),
                    refundedAt.plus(MARGIN), new ExpirePoints(event.rewardsId(), allocation.entryId()), POINTS_ACTOR);
        }
    }

    /** The purchase counts while recorded after the window's start: from its time plus the window on, it does not. */
    @EventHandler
    void on(PurchaseRecorded event, @Timestamp Instant recordedAt) {
        scheduledCommands.schedule(gradeReviewKey(event.rewardsId(), event.orderId()),
                recordedAt.plus(gradeTable.window()).plus(MARGIN), new ReviewGrade(event.rewardsId()), GRADES_ACTOR);
    }

    private void scheduleExpiry(RewardsId account, PointsEntryId entryId, Instant expiresAt) {
        scheduledCommands.schedule(expiryKey(account, entryId), expiresAt.plus(MARGIN),
                new ExpirePoints(account, entryId), POINTS_ACTOR);
    }

    static String availabilityKey(RewardsId account, PointsEntryId entryId) {
        return "points-available:" + account + ":" + entryId;
    }

    static String expiryKey(RewardsId account, PointsEntryId entryId) {
        return "points-expiry:" + account + ":" + entryId;
    }

    static String gradeReviewKey(RewardsId account, String orderId) {
        return "grade-review:" + account + ":" + orderId;
    }
}
