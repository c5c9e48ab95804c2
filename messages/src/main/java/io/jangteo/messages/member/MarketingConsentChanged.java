package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** Consent to marketing on a channel was given or withdrawn, at the time of the event. */
@Revision("1")
public record MarketingConsentChanged(@DataSubject MemberId memberId, MarketingChannel channel, boolean granted,
                                      String reason) {}
