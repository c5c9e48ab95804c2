/**
 * The audit read side: an index of every stored event by aggregate, actor, type, time and correlation (the audit log),
 * and each member's timeline of everything about them, told in sentences free of personal data.
 */
package io.jangteo.query.audit;
