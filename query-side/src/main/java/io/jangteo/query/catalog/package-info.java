/** The catalog read model: products as the storefront sees them. */
package io.jangteo.query.catalog;
