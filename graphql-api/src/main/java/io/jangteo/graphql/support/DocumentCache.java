package io.jangteo.graphql.support;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parses and validates each distinct document once. Clients send the same few documents over and over, and parsing
 * plus validation is a large share of a small query's cost. Bounded: when full it starts over, which a hostile client
 * sending endless distinct documents can cause but not exploit.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache {

    static final int MAX_ENTRIES = 2_000;

    @Bean
    GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
        PreparsedDocumentProvider provider = new BoundedProvider(MAX_ENTRIES);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    static final class BoundedProvider implements PreparsedDocumentProvider {
        private final int maxEntries;
        private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

        BoundedProvider(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
                ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            PreparsedDocumentEntry cached = entries.get(input.getQuery());
            if (cached != null) {
                return CompletableFuture.completedFuture(cached);
            }
            PreparsedDocumentEntry entry = parseAndValidate.apply(input);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(input.getQuery(), entry);
            return CompletableFuture.completedFuture(entry);
        }
    }
}
