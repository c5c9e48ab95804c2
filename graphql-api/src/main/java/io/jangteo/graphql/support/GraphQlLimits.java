package io.jangteo.graphql.support;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import io.jangteo.graphql.security.ApiException;
import graphql.language.Node;
import graphql.validation.ValidationError;
import io.jangteo.graphql.ApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits that keep one request from taking the server: depth, complexity and aliases here; body size in
 * {@code RequestSizeLimitFilter}; execution time in {@code ApiInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimits {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(ApiProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.graphql().maxDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(ApiProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.graphql().maxComplexity());
    }

    @Bean
    AliasLimit aliasLimit(ApiProperties properties) {
        return new AliasLimit(properties.graphql().maxAliases());
    }

    @Bean
    ExecutionDeadline executionDeadline(ApiProperties properties) {
        return new ExecutionDeadline(properties.graphql().timeout());
    }

    /**
     * Stops resolving fields once a query or mutation has run past its time limit. Resolvers here mostly run on the
     * request's own thread, so a timer around the whole execution cannot cut a long synchronous execution short;
     * checking the deadline before each non-trivial field can. Subscriptions are left alone: their events resolve
     * long after the operation started, by design.
     */
    static final class ExecutionDeadline extends SimplePerformantInstrumentation {
        private final long limitNanos;
        private final LongSupplier nanoClock;

        ExecutionDeadline(Duration limit) {
            this(limit, System::nanoTime);
        }

        ExecutionDeadline(Duration limit, LongSupplier nanoClock) {
            this.limitNanos = limit.toNanos();
            this.nanoClock = nanoClock;
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Deadline(nanoClock.getAsLong() + limitNanos);
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
                                                    InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()
                    || parameters.getExecutionContext().getOperationDefinition().getOperation()
                    == OperationDefinition.Operation.SUBSCRIPTION) {
                return dataFetcher;
            }
            return environment -> {
                if (nanoClock.getAsLong() - deadline.at() > 0) {
                    throw new ApiException(ApiException.Code.TIMEOUT,
                            "The request ran past its time limit; this field was not resolved");
                }
                return dataFetcher.get(environment);
            };
        }

        private record Deadline(long at) implements InstrumentationState {
        }
    }

    /** Counts aliased fields in the whole document (fragments included) before validation does any work on it. */
    static final class AliasLimit extends SimplePerformantInstrumentation {
        private final int max;

        AliasLimit(int max) {
            this.max = max;
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(
                InstrumentationValidationParameters parameters, InstrumentationState state) {
            int aliases = countAliases(parameters.getDocument());
            if (aliases > max) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                        .message("The document uses " + aliases + " aliases; at most " + max + " are allowed")
                        .extensions(Map.of("code", "QUERY_TOO_MANY_ALIASES"))
                        .build()));
            }
            return SimpleInstrumentationContext.noOp();
        }

        static int countAliases(Document document) {
            int count = 0;
            Deque<Node<?>> pending = new ArrayDeque<>();
            pending.push(document);
            while (!pending.isEmpty()) {
                Node<?> node = pending.pop();
                if (node instanceof Field field && field.getAlias() != null) {
                    count++;
                }
                for (Node<?> child : node.getChildren()) {
                    pending.push(child);
                }
            }
            return count;
        }
    }
}
