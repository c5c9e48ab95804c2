/** Live sales analytics: sales by day, seller and category, kept from order events, and their update stream. */
package io.jangteo.query.analytics;
