package io.jangteo.graphql.support;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Driven by a clock the resolvers advance, so the outcome never depends on how fast this machine is. */
class ExecutionDeadlineTest {

    private static final long FIELD_NANOS = Duration.ofMillis(120).toNanos();

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger resolved = new AtomicInteger();

    @Test
    void fieldsNotStartedBeforeTheDeadlineAreNotResolved() {
        ExecutionResult result = graphQl(Duration.ofMillis(50)).execute("{ a b c }");

        // a starts at 0 and takes 120 ms; b and c would start after the 50 ms deadline
        assertThat(resolved).hasValue(1);
        assertThat(result.getErrors()).hasSize(2)
                .allSatisfy(error -> assertThat(error.getMessage()).contains("time limit"));
    }

    @Test
    void aQueryWithinItsLimitResolvesEverything() {
        ExecutionResult result = graphQl(Duration.ofSeconds(1)).execute("{ a b c }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(resolved).hasValue(3);
    }

    private GraphQL graphQl(Duration limit) {
        DataFetcher<String> slow = environment -> {
            resolved.incrementAndGet();
            clock.addAndGet(FIELD_NANOS);
            return environment.getField().getName();
        };
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { a: String b: String c: String }"),
                RuntimeWiring.newRuntimeWiring()
                        .type("Query", type -> type.dataFetcher("a", slow).dataFetcher("b", slow)
                                .dataFetcher("c", slow))
                        .build());
        return GraphQL.newGraphQL(schema)
                .instrumentation(new GraphQlLimits.ExecutionDeadline(limit, clock::get))
                .build();
    }
}
