package io.jangteo.graphql.metrics;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Locale;

/**
 * Counts GraphQL errors by {@code extensions.code} and operation type ({@code jangteo.graphql.errors}). It runs
 * outermost, so it sees the codes the API interceptor assigns and its timeouts. The operation type is read from the
 * document only when a response has errors, so a successful request pays nothing for it; a document that does not
 * parse counts as {@code unknown}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrorMetrics implements WebGraphQlInterceptor {

    static final String METER = "jangteo.graphql.errors";

    private final MeterRegistry registry;

    GraphQlErrorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).doOnNext(response -> {
            if (!response.getErrors().isEmpty()) {
                String operationType = operationType(request.getDocument(), request.getOperationName());
                for (ResponseError error : response.getErrors()) {
                    Object code = error.getExtensions().get("code");
                    Counter.builder(METER).description("GraphQL errors, by extensions.code and operation type")
                            .tag("code", code == null ? "INTERNAL" : code.toString())
                            .tag("operation_type", operationType)
                            .register(registry).increment();
                }
            }
        });
    }

    static String operationType(String document, String operationName) {
        try {
            Document parsed = Parser.parse(document);
            return parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(o -> operationName == null || operationName.equals(o.getName()))
                    .findFirst()
                    .map(o -> o.getOperation().name().toLowerCase(Locale.ROOT))
                    .orElse("unknown");
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
