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
import graphql.language.Field;
import graphql.language.Node;
import graphql.validation.ValidationError;
import io.jangteo.graphql.ApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

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
