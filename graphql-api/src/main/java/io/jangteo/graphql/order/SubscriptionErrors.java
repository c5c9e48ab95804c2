package io.jangteo.graphql.order;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.jangteo.graphql.security.ApiException;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A subscription that ends with a refusal (an order the caller may not follow) says so with the same
 * {@code extensions.code} a query would, instead of an anonymous internal error.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        if (exception instanceof ApiException refused) {
            return GraphqlErrorBuilder.newError()
                    .message(refused.getMessage())
                    .extensions(Map.of("code", refused.code().name()))
                    .build();
        }
        return null;
    }
}
