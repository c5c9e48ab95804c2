/** Sales analytics: questions about sales by day, seller and category, and the figures they answer with. */
package io.jangteo.messages.analytics;
