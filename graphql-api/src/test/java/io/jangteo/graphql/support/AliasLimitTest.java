package io.jangteo.graphql.support;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AliasLimitTest {

    @Test
    void countsAliasesInOperationsAndFragments() {
        String document = """
                query { a: ping b: ping ...F }
                fragment F on Query { c: ping ping }
                """;
        assertThat(GraphQlLimits.AliasLimit.countAliases(Parser.parse(document))).isEqualTo(3);
    }

    @Test
    void aDocumentWithoutAliasesCountsZero() {
        assertThat(GraphQlLimits.AliasLimit.countAliases(Parser.parse("{ ping }"))).isZero();
    }
}
