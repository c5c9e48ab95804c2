package io.jangteo.messages.analytics;

/** What sales figures can be grouped by. */
public enum SalesDimension {
    DAY, SELLER, CATEGORY
}
