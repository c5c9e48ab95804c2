package io.jangteo.query.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.jangteo.messages.alerts.FindIncidentsQuery;
import io.jangteo.messages.alerts.IncidentPage;
import io.jangteo.messages.alerts.IncidentView;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Incident reads. Who may read them (admins) is the API's decision. */
@Component
class IncidentQueryHandler {

    static final int MAX_LIMIT = 100;

    private final MongoCollection<Document> incidents;

    IncidentQueryHandler(MongoDatabase database) {
        this.incidents = IncidentDocument.collection(database);
    }

    @QueryHandler
    IncidentPage find(FindIncidentsQuery query) {
        if (query.limit() < 1 || query.limit() > MAX_LIMIT || query.offset() < 0) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " and offset not negative");
        }
        Bson filter = query.status() == null ? new Document()
                : Filters.eq(IncidentDocument.STATUS, query.status().name());
        List<IncidentView> page = new ArrayList<>();
        for (Document document : incidents.find(filter)
                .sort(Sorts.descending(IncidentDocument.OPENED_AT, "_id"))
                .skip(query.offset())
                .limit(query.limit())) {
            page.add(IncidentDocument.toView(document));
        }
        return new IncidentPage(page, incidents.countDocuments(filter));
    }
}
