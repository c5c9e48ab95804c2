/** The seller directory read model: shops, their status and current shipping-fee policy. */
package io.jangteo.query.seller;
