/**
 * Time travel over the event store: an aggregate's state at an instant, rebuilt by its real projection into a scratch
 * database, and what events changed in it.
 */
package io.jangteo.query.history;
