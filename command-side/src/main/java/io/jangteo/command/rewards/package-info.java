/** A member's rewards account: the points ledger (적립금), the member grade (회원등급), and the commands scheduled for them. */
package io.jangteo.command.rewards;
