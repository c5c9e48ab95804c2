/** The order read side: the order summaries with who may see which part of them, their update stream, and order history. */
package io.jangteo.query.order;
