package io.jangteo.graphql;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit documents (graphql-test/audit.graphql) as calls, and the answers as plain maps. */
final class AuditQueries {

    private AuditQueries() {
    }

    /** Runs one operation of audit.graphql; answers the response, errors unchecked. */
    static GraphQlTester.Response run(HttpGraphQlTester caller, String operation, Map<String, Object> variables) {
        return caller.documentName("audit").operationName(operation).variables(variables).execute();
    }

    /** The data field of a response that must have no errors. */
    @SuppressWarnings("unchecked")
    static <T> T ok(GraphQlTester.Response response, String field) {
        List<ResponseError> errors = response.returnResponse().getErrors();
        assertThat(errors).as("errors of " + field).isEmpty();
        return (T) response.returnResponse().field(field).getValue();
    }

    /** The extensions.code of the response's first error; null without errors. */
    static String errorCode(GraphQlTester.Response response) {
        List<ResponseError> errors = response.returnResponse().getErrors();
        return errors.isEmpty() ? null : (String) errors.get(0).getExtensions().get("code");
    }

    static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return variables;
    }

    /** Audit log entries ({event, changes}) newest first. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> auditLog(HttpGraphQlTester caller, Map<String, Object> filter, int first) {
        Map<String, Object> connection = ok(run(caller, "auditLog", vars("filter", filter, "first", first)),
                "auditLog");
        return ((List<Map<String, Object>>) connection.get("edges")).stream()
                .map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    /** Timeline entries oldest first. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> timeline(HttpGraphQlTester caller, String memberId, int first) {
        Map<String, Object> connection = ok(run(caller, "memberTimeline", vars("memberId", memberId, "first", first)),
                "memberTimeline");
        return ((List<Map<String, Object>>) connection.get("edges")).stream()
                .map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> event(Map<String, Object> auditEntry) {
        return (Map<String, Object>) auditEntry.get("event");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> changes(Map<String, Object> withChanges) {
        return (List<Map<String, Object>>) withChanges.get("changes");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> actor(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("actor");
    }

    /** The newest audit entry of this event type; fails when there is none. */
    static Map<String, Object> newest(List<Map<String, Object>> entries, String eventType) {
        return entries.stream().filter(e -> eventType.equals(event(e).get("eventType"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + eventType + " in " + entries.stream()
                        .map(e -> event(e).get("eventType")).toList()));
    }

    static String iso(Instant instant) {
        return Objects.requireNonNull(instant).toString();
    }
}
