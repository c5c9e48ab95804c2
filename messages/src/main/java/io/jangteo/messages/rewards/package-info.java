/** Member rewards: the points ledger (적립금) and member grades (회원등급); commands, events and the grade table. */
package io.jangteo.messages.rewards;
