package org.convene;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies: the domain ({@code model}) and the application ({@code core},
 * {@code schedule}) know nothing of Redis, HTTP or the command line; the adapters reach the
 * application through {@code core} only, and only the composition root ({@code app}) and the
 * benchmark put the store and the server together.
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
                .layer("view").definedBy("org.convene.view..")
                .layer("store").definedBy("org.convene.store..")
                .layer("http").definedBy("org.convene.http..")
                .layer("app").definedBy("org.convene.app..")
                .layer("bench").definedBy("org.convene.bench..")
                .layer("cli").definedBy("org.convene.cli..")
                .layer("webhook").definedBy("org.convene.webhook..")
                .layer("series").definedBy("org.convene.series..")
                .layer("courier").definedBy("org.convene.courier..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("http").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("view").mayOnlyBeAccessedByLayers("http", "cli")
                .whereLayer("schedule").mayOnlyBeAccessedByLayers("store", "app", "bench", "cli")
                .whereLayer("core").mayOnlyBeAccessedByLayers("store", "http", "view", "app", "bench", "cli", "courier")
                .whereLayer("webhook").mayOnlyBeAccessedByLayers("core", "store", "http", "view", "app", "bench", "cli",
                        "courier")
                .whereLayer("courier").mayOnlyBeAccessedByLayers("app")
                .whereLayer("series").mayOnlyBeAccessedByLayers("core", "store", "http", "view", "app", "bench", "cli")
                .check(CLASSES);
    }

    @Test
    void adaptersReachTheApplicationThroughCoreNotItsPorts() {
        noClasses().that().resideInAnyPackage("org.convene.http..", "org.convene.cli..", "org.convene.view..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convene.core.port..", "org.convene.store..",
                        "org.convene.webhook.port..", "org.convene.series.port..")
                .check(CLASSES);
    }

    @Test
    void onlyTheStoreAndTheBenchmarkTalkToRedis() {
        noClasses().that().resideOutsideOfPackages("org.convene.store..", "org.convene.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "redis..", "io.netty..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCourierKnowsOkHttp() {
        noClasses().that().resideOutsideOfPackages("org.convene.courier..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
                .check(CLASSES);
    }

    @Test
    void onlyTheHttpAdapterKnowsJavalin() {
        noClasses().that().resideOutsideOfPackages("org.convene.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..")
                .check(CLASSES);
    }

    @Test
    void theDomainAndTheApplicationUseNothingButTheJdkAndLogging() {
        noClasses().that().resideInAPackage("org.convene.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.convene.model..", "java..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("org.convene.core..", "org.convene.schedule..", "org.convene.webhook..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.convene.model..", "org.convene.core..",
                        "org.convene.schedule..", "org.convene.webhook..", "org.convene.series..", "org.dmfs..", "java..",
                        "javax.crypto..", "org.slf4j..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.convene.webhook..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convene.core..", "org.convene.schedule..")
                .check(CLASSES);
        // Series: the JDK, the model and lib-recur, the maintained RFC 5545 expander, only.
        noClasses().that().resideInAPackage("org.convene.series..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.convene.model..", "org.convene.series..",
                        "java..", "org.slf4j..", "org.dmfs..")
                .check(CLASSES);
    }
}
