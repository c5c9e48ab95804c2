/**
 * The audit trail over GraphQL (감사 기록): audit log, member timeline, stored events and changes between instants, with
 * who may read which history and the recording of staff reads of members' personal data.
 */
package io.jangteo.graphql.audit;
