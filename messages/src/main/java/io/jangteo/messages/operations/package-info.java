/** Operating the event processors: their status, rebuilding a read model, and the dead letters they parked. */
package io.jangteo.messages.operations;
