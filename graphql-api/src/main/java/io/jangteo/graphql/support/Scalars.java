package io.jangteo.graphql.support;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code Long} for money and versions (GraphQL's Int has 32 bits), {@code DateTime} as RFC 3339 in UTC. */
@Configuration(proxyBeanMethods = false)
class Scalars {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant as an RFC 3339 date-time, always answered in UTC, e.g. 2026-11-25T09:30:00Z")
            .coercing(new InstantCoercing())
            .build();

    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring.scalar(ExtendedScalars.GraphQLLong).scalar(DATE_TIME);
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {
        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return DateTimeFormatter.ISO_INSTANT.format(instant);
            }
            throw new CoercingSerializeException("Not an instant: " + value.getClass().getSimpleName());
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("DateTime must be a string");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("DateTime must be a string");
        }

        private static <E extends RuntimeException> Instant parse(String text,
                                                                  java.util.function.Function<String, E> error) {
            try {
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw error.apply("Not an RFC 3339 date-time with offset: " + text);
            }
        }
    }
}
