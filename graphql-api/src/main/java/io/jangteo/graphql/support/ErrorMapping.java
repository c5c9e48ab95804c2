package io.jangteo.graphql.support;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns exceptions into GraphQL errors with {@code extensions.code}. Anything unexpected becomes {@code INTERNAL}
 * with a message that names only the request id: class names and stack traces stay in the server log, where the id
 * finds them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorMapping implements DataFetcherExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable exception, DataFetchingEnvironment environment) {
        return Mono.just(List.of(toError(unwrap(exception), environment)));
    }

    private GraphQLError toError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof ApiException api) {
            // the code is the contract (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, TIMEOUT); the message
            // was written for the caller
            return error(environment, api.code().name(), api.getMessage());
        }
        if (exception instanceof CommandExecutionException refused
                && Rejections.violation(refused).filter(v -> v.code() == ErrorCode.FORBIDDEN).isPresent()) {
            return error(environment, "FORBIDDEN", refused.getMessage());
        }
        if (exception instanceof AuthenticationException) {
            return error(environment, "UNAUTHENTICATED", "Sign in first");
        }
        if (exception instanceof AccessDeniedException) {
            return error(environment, "FORBIDDEN", "Not allowed");
        }
        String requestId = requestId(environment);
        log.error("Internal error in {} (request {})", environment.getField().getName(), requestId, exception);
        return error(environment, "INTERNAL", "Internal error; quote request id " + requestId + " to support");
    }

    static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String requestId(DataFetchingEnvironment environment) {
        RequestContext context = environment.getGraphQlContext().get(RequestContext.CONTEXT_KEY);
        return context == null ? "unknown" : context.requestId();
    }

    private static GraphQLError error(DataFetchingEnvironment environment, String code, String message) {
        return GraphqlErrorBuilder.newError(environment)
                .message(message)
                .extensions(Map.of("code", code))
                .build();
    }
}
