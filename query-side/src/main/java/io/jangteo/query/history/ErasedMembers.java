package io.jangteo.query.history;

/**
 * Whether a member's key is destroyed. Erased personal values read as null, which alone cannot tell an erased phone
 * from one never given, so a change is marked erased only when its data subject really is.
 */
public interface ErasedMembers {

    boolean isErased(String memberId);

    ErasedMembers NONE = memberId -> false;
}
