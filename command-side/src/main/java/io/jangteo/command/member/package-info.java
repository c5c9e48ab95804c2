/**
 * The Member aggregate, its rules, sign-in and sessions, and the ports it keeps credentials and e-mails behind, with
 * their MongoDB adapters.
 */
package io.jangteo.command.member;
