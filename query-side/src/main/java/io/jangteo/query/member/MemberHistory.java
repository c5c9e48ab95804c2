package io.jangteo.query.member;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.member.MemberHistoryPage;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.query.shared.HistoryEntries;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A member's history, read from the event store (the source of truth), not from a projection: the member stream and
 * the rewards stream merged by time, a tie going to the member stream, each stream in its own order.
 * <p>
 * A cursor is how many events of each stream come before it ({@code "<member>.<rewards>"}), so the next page reads
 * each stream from that sequence number on instead of from its start, and pages never skip or repeat an event even
 * when both streams grow meanwhile. The total is the two streams' last sequence numbers plus one each (aggregate
 * streams are numbered from 0 without gaps), which the store answers without reading the events. Streams are read
 * from a sequence number rather than whole, which also keeps snapshots out of the history.
 */
@Component
class MemberHistory {

    private final EventStore eventStore;
    private final HistoryEntries entries;

    @Autowired
    MemberHistory(EventStore eventStore, ObjectProvider<ObjectMapper> objectMappers) {
        this(eventStore, objectMappers.getIfUnique(ObjectMapper::new));
    }

    MemberHistory(EventStore eventStore, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.entries = new HistoryEntries(objectMapper);
    }

    MemberHistoryPage page(MemberId memberId, int first, String after) {
        String memberStream = memberId.value();
        String rewardsStream = RewardsId.of(memberId).value();
        long total = count(memberStream) + count(rewardsStream);
        Position position = after == null ? new Position(0, 0) : Position.parse(after);
        DomainEventStream members = eventStore.readEvents(memberStream, position.member());
        DomainEventStream rewards = eventStore.readEvents(rewardsStream, position.rewards());
        long memberCount = position.member();
        long rewardsCount = position.rewards();
        List<HistoryEntryView> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        while (items.size() < first && (members.hasNext() || rewards.hasNext())) {
            DomainEventMessage<?> next;
            if (takeMember(members, rewards)) {
                next = members.next();
                memberCount = next.getSequenceNumber() + 1;
            } else {
                next = rewards.next();
                rewardsCount = next.getSequenceNumber() + 1;
            }
            items.add(entries.entry(next));
            cursors.add(new Position(memberCount, rewardsCount).toString());
        }
        return new MemberHistoryPage(items, cursors, total, members.hasNext() || rewards.hasNext());
    }

    private static boolean takeMember(DomainEventStream members, DomainEventStream rewards) {
        if (!rewards.hasNext()) {
            return true;
        }
        if (!members.hasNext()) {
            return false;
        }
        return !members.peek().getTimestamp().isAfter(rewards.peek().getTimestamp());
    }

    private long count(String aggregateId) {
        return HistoryEntries.streamLength(eventStore, aggregateId);
    }

    /** How many events of each stream come before a point of the history. */
    record Position(long member, long rewards) {

        static Position parse(String cursor) {
            int dot = cursor.indexOf('.');
            try {
                if (dot < 0) {
                    throw new NumberFormatException();
                }
                Position position = new Position(Long.parseLong(cursor.substring(0, dot)),
                        Long.parseLong(cursor.substring(dot + 1)));
                if (position.member() < 0 || position.rewards() < 0) {
                    throw new NumberFormatException();
                }
                return position;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a member history cursor: " + cursor);
            }
        }

        @Override
        public String toString() {
            return member + "." + rewards;
        }
    }
}
