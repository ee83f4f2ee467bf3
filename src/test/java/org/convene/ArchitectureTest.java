package org.convene;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies: the domain ({@code model}) and the application ({@code core},
 * {@code schedule}) know nothing of Redis or of the command line; adapters depend inward.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.convene");

    @Test
    void adaptersDependInwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("org.convene.model..")
                .layer("core").definedBy("org.convene.core..")
                .layer("schedule").definedBy("org.convene.schedule..")
                .layer("store").definedBy("org.convene.store..")
                .layer("http").definedBy("org.convene.http..")
                .layer("bench").definedBy("org.convene.bench..")
                .layer("cli").definedBy("org.convene.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("http").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("cli", "bench")
                .whereLayer("schedule").mayOnlyBeAccessedByLayers("store", "bench", "cli")
                .whereLayer("core").mayOnlyBeAccessedByLayers("store", "http", "bench", "cli")
                .check(CLASSES);
    }

    @Test
    void onlyTheStoreTalksToRedis() {
        noClasses().that().resideOutsideOfPackages("org.convene.store..", "org.convene.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "redis..", "io.netty..")
                .check(CLASSES);
    }

    @Test
    void onlyTheHttpAdapterKnowsJavalin() {
        noClasses().that().resideOutsideOfPackages("org.convene.http..", "org.convene.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.micrometer..")
                .check(CLASSES);
    }

    @Test
    void theDomainUsesNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.convene.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.convene.model..", "java..")
                .check(CLASSES);
    }
}
