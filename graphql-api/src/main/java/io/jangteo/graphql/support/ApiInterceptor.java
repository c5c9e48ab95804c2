package io.jangteo.graphql.support;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.jangteo.graphql.ApiProperties;
import io.jangteo.graphql.web.ClientAddressResolver;
import io.jangteo.graphql.web.RequestContext;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts the request's context where resolvers find it, bounds execution time, and gives every error a
 * {@code extensions.code} so clients switch on codes, never on messages.
 */
@Component
class ApiInterceptor implements WebGraphQlInterceptor {

    private final Duration timeout;
    private final ClientAddressResolver addresses;

    ApiInterceptor(ApiProperties properties) {
        this.timeout = properties.graphql().timeout();
        this.addresses = new ClientAddressResolver(properties.http().trustedProxies());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        RequestContext context = contextOf(request);
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(RequestContext.CONTEXT_KEY, context)).build());
        Mono<WebGraphQlResponse> response = chain.next(request).map(ApiInterceptor::withErrorCodes);
        if (request instanceof WebSocketGraphQlRequest) {
            return response; // subscriptions live as long as the client wants
        }
        return response.timeout(timeout, Mono.fromSupplier(() -> timedOut(request)));
    }

    private RequestContext contextOf(WebGraphQlRequest request) {
        Object established = request.getAttributes().get(RequestContext.ATTRIBUTE);
        if (established instanceof RequestContext context) {
            return context;
        }
        // a message on an established WebSocket: the handshake's headers and peer are all we know
        InetSocketAddress peer = request.getRemoteAddress();
        String peerAddress = peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
        return new RequestContext(UUID.randomUUID().toString(),
                addresses.resolve(peerAddress, request.getHeaders().getFirst("X-Forwarded-For")),
                RequestContext.userAgent(request.getHeaders().getFirst("User-Agent")));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message("The request took longer than " + timeout.toMillis() + " ms and was abandoned")
                .extensions(Map.of("code", "TIMEOUT"))
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                ExecutionResult.newExecutionResult().addError(error).build()));
    }

    private static WebGraphQlResponse withErrorCodes(WebGraphQlResponse response) {
        List<ResponseError> errors = response.getErrors();
        if (errors.isEmpty() || errors.stream().allMatch(e -> e.getExtensions().containsKey("code"))) {
            return response;
        }
        return response.transform(builder -> builder.errors(errors.stream().map(ApiInterceptor::coded).toList()));
    }

    private static GraphQLError coded(ResponseError error) {
        Map<String, Object> extensions = new HashMap<>(error.getExtensions());
        extensions.putIfAbsent("code", codeFor(error.getErrorType()));
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getParsedPath().isEmpty() ? null : error.getParsedPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    private static String codeFor(ErrorClassification type) {
        if (type == null) {
            return "INTERNAL";
        }
        return switch (type.toString()) {
            case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
            case "ValidationError" -> "GRAPHQL_VALIDATION_FAILED";
            case "ExecutionAborted" -> "QUERY_LIMIT_EXCEEDED";
            case "OperationNotSupported" -> "OPERATION_NOT_SUPPORTED";
            case "BAD_REQUEST" -> "BAD_USER_INPUT";
            case "UNAUTHORIZED" -> "UNAUTHENTICATED";
            case "FORBIDDEN" -> "FORBIDDEN";
            case "NOT_FOUND" -> "NOT_FOUND";
            default -> "INTERNAL";
        };
    }
}
