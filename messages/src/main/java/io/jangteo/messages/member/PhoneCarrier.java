package io.jangteo.messages.member;

/** Mobile carriers as Korean identity-verification providers name them; {@code *_MVNO} are the 알뜰폰 resellers. */
public enum PhoneCarrier {
    SKT, KT, LGU, SKT_MVNO, KT_MVNO, LGU_MVNO
}
