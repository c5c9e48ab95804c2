package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * A category in the {@code categories} collection: {@code _id}, {@code parentId} (null at the top), {@code name}.
 * The tree's version is not kept here but in its change counter (see {@link CategoryTreeProjection}).
 */
final class CategoryDocument {

    static final String COLLECTION = "categories";
    static final String PARENT_ID = "parentId";
    static final String NAME = "name";

    private CategoryDocument() {
    }

    static MongoCollection<org.bson.Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }
}
