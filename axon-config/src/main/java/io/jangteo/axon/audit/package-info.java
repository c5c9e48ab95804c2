/** The audit trail: who did what, from where, in which request, on every command and event. */
package io.jangteo.axon.audit;
