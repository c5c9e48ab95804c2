package io.jangteo.graphql.demo;

import io.jangteo.axon.audit.AuditMetaData;
import io.jangteo.messages.catalog.ProductId;

/** Gives a demo product a generated picture, processed in the background like an upload. */
public interface DemoImages {
    void attach(ProductId productId, int index, AuditMetaData actor);
}
