/** Commands to send later, kept in MongoDB so they survive restarts, and the poller that sends them as system actors. */
package io.jangteo.command.schedule;
