package io.jangteo.messages.catalog;

/** Orders of a product list. Ties are broken by id, so pages are stable. */
public enum ProductSort {
    NEWEST, OLDEST, PRICE_ASC, PRICE_DESC, NAME_ASC
}
