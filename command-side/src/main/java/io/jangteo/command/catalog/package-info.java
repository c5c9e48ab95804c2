/** The catalog's aggregates and the rules they enforce. */
package io.jangteo.command.catalog;
