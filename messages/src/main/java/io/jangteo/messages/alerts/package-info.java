/** Operational alerts as incidents: opened when a rule's condition holds, resolved when it clears, and each delivery. */
package io.jangteo.messages.alerts;
