package io.jangteo.graphql;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of design.md. The application's runtime classpath holds every module, so all of them are checked
 * here; each rule's packages are first shown to hold classes, so that no rule guards nothing.
 */
class ArchitectureTest {

    private static JavaClasses jangteo;

    @BeforeAll
    static void importClasses() {
        jangteo = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jangteo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.jangteo.messages", "io.jangteo.command", "io.jangteo.query", "io.jangteo.axon",
            "io.jangteo.graphql"})
    void everyPackageARuleNamesHoldsClasses(String root) {
        assertThat(jangteo.stream().filter(c -> c.getPackageName().startsWith(root)).count())
                .as("classes under " + root).isGreaterThan(0);
    }

    @Test
    void aggregatesExistForTheAggregateRuleToGuard() {
        assertThat(jangteo.stream().filter(c -> c.isAnnotatedWith(Aggregate.class)).count()).isGreaterThan(0);
    }

    @Test
    void theCommandSideNeverSeesTheQuerySideTheApiOrTheInfrastructure() {
        check(noClasses().that().resideInAPackage("io.jangteo.command..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.jangteo.query..", "io.jangteo.graphql..", "io.jangteo.axon.."));
    }

    @Test
    void theQuerySideNeverSeesTheCommandSideTheApiOrTheInfrastructure() {
        check(noClasses().that().resideInAPackage("io.jangteo.query..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.jangteo.command..", "io.jangteo.graphql..", "io.jangteo.axon.."));
    }

    @Test
    void messagesDependOnlyOnTheJdkAndAxonsModellingAnnotations() {
        check(classes().that().resideInAPackage("io.jangteo.messages..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.jangteo.messages..",
                        "org.axonframework.modelling.command", "org.axonframework.serialization"));
    }

    @Test
    void theApiReachesTheSidesOnlyThroughTheGateways() {
        check(noClasses().that().resideInAPackage("io.jangteo.graphql..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.jangteo.command..", "io.jangteo.query..", "com.mongodb..", "org.bson.."));
    }

    @Test
    void infrastructureHoldsNoDomainCode() {
        check(noClasses().that().resideInAPackage("io.jangteo.axon..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.jangteo.command..", "io.jangteo.query..", "io.jangteo.graphql.."));
    }

    @Test
    void aggregatesAreFreeOfMongoAndSpringData() {
        check(noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat()
                .resideInAnyPackage("com.mongodb..", "org.bson..", "org.springframework.data..", "java.sql.."));
    }

    private static void check(ArchRule rule) {
        rule.check(jangteo);
    }
}
