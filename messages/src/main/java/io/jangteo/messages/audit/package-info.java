/**
 * Audit trail and time travel for support (감사 기록): the audit log over every stored event, a member's timeline, the
 * state of an aggregate at an instant and the changes between two instants, all answered from the event store.
 */
package io.jangteo.messages.audit;
