/** The catalog's messages: products of seller shops. */
package io.jangteo.messages.catalog;
