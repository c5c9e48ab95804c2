/** Policies that connect a member's account to what happens elsewhere: a shop approved for its registrant, rewards closed on withdrawal. */
package io.jangteo.command.onboarding;
