/** The member read side: the member directory with its points balance, the points ledger, and member history. */
package io.jangteo.query.member;
