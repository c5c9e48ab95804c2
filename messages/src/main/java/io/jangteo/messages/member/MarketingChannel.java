package io.jangteo.messages.member;

/** Channels a member may consent to receive marketing on (광고성 정보 수신 동의), each given or withdrawn separately. */
public enum MarketingChannel {
    EMAIL, SMS
}
