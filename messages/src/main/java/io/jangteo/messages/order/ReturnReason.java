package io.jangteo.messages.order;

/** Why a buyer sends something back; who is at fault decides who pays the return shipping. */
public enum ReturnReason {
    CHANGE_OF_MIND(true), ORDERED_WRONG_OPTION(true), DEFECTIVE(false), WRONG_ITEM_SENT(false),
    DAMAGED_IN_TRANSIT(false), NOT_AS_DESCRIBED(false);

    private final boolean buyerAtFault;

    ReturnReason(boolean buyerAtFault) {
        this.buyerAtFault = buyerAtFault;
    }

    public boolean buyerAtFault() {
        return buyerAtFault;
    }
}
