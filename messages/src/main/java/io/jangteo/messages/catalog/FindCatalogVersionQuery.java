package io.jangteo.messages.catalog;

/**
 * Answers a {@link CatalogVersion}: where the catalog's read models (products, sellers, categories) stand now. Two
 * equal versions mean no catalog answer can have changed in between, so a cached answer is still exact.
 *
 * @param askedBy who asks, for logs only (queries need at least one field to travel as JSON)
 */
public record FindCatalogVersionQuery(String askedBy) {
}
