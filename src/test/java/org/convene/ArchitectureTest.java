package org.convene;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.stream.Collectors;
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
                .layer("signin").definedBy("org.convene.signin..")
                .layer("mail").definedBy("org.convene.mail..")
                .whereLayer("signin").mayOnlyBeAccessedByLayers("app")
                .whereLayer("mail").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("http").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("view").mayOnlyBeAccessedByLayers("http", "cli")
                .whereLayer("schedule").mayOnlyBeAccessedByLayers("store", "app", "bench", "cli")
                .whereLayer("core").mayOnlyBeAccessedByLayers("store", "http", "view", "app", "bench", "cli", "courier",
                        "signin", "mail")
                .whereLayer("webhook").mayOnlyBeAccessedByLayers("core", "store", "http", "view", "app", "bench", "cli",
                        "courier")
                .whereLayer("courier").mayOnlyBeAccessedByLayers("app", "bench")
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
    void eachStorePartImplementsItsPortAndTheStoreOnlyHandsThemOut() {
        // A port implemented by the composition would mean forwards again: each part implements its own.
        classes().that().haveFullyQualifiedName("org.convene.store.RedisStore")
                .should(implementOnly("org.convene.core.port.Storage")).check(CLASSES);
        classes().that().resideInAPackage("org.convene.core.port").and().areInterfaces()
                .and().doNotHaveFullyQualifiedName("org.convene.core.port.Storage")
                .and().doNotHaveFullyQualifiedName("org.convene.core.port.FeedWatch")
                .and().doNotHaveSimpleName("package-info")
                .should(beImplementedIn("org.convene.store")).check(CLASSES);
    }

    @Test
    void aScriptsReplyIsReadByPositionOnlyInTheRecordThatParsesIt() {
        // Reply's positional accessors: each script's answer is parsed once, into a record named ...Reply.
        noClasses().that().doNotHaveSimpleName("Reply").and().haveNameNotMatching(".*Reply(\\$.*)?")
                .should().callMethodWhere(target(owner(name("org.convene.store.Reply")))
                        .and(target(nameMatching("number|text|textOrNull|list|numbers|rows|hash|isNull")))
                        .and(target(rawParameterTypes(int.class))))
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> implementOnly(String port) {
        return new ArchCondition<>("implement " + port + " and no other interface") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Set<String> names = item.getRawInterfaces().stream().map(JavaClass::getName).collect(Collectors.toSet());
                if (!names.equals(Set.of(port))) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " implements " + names));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beImplementedIn(String storePackage) {
        return new ArchCondition<>("be implemented by a class in " + storePackage) {
            @Override
            public void check(JavaClass port, ConditionEvents events) {
                boolean implemented = port.getAllSubclasses().stream()
                        .anyMatch(c -> !c.isInterface() && c.getPackageName().equals(storePackage));
                if (!implemented) events.add(SimpleConditionEvent.violated(port, port.getName() + " has no part in the store"));
            }
        };
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
    void onlyTheSignInAdapterKnowsTheOpenIdConnectLibrary() {
        // The identity provider's protocol (discovery, tokens, JWKS) lives in signin/; the core sees a check and a login.
        noClasses().that().resideOutsideOfPackages("org.convene.signin..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..", "net.minidev..")
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
                        "org.convene.schedule..", "org.convene.webhook..", "org.convene.series..", "org.convene.audit..",
                        "org.dmfs..", "java..",
                        "javax.crypto..", "org.slf4j..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.convene.webhook..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convene.core..", "org.convene.schedule..")
                .check(CLASSES);
        // The audit trail's sealing and verification: the JDK (SHA-256, Ed25519) and logging only, so that an export
        // verifies anywhere.
        noClasses().that().resideInAPackage("org.convene.audit..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.convene.audit..", "java..", "org.slf4j..")
                .check(CLASSES);
        // Series: the JDK, the model and lib-recur, the maintained RFC 5545 expander, only.
        noClasses().that().resideInAPackage("org.convene.series..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.convene.model..", "org.convene.series..",
                        "java..", "org.slf4j..", "org.dmfs..")
                .check(CLASSES);
    }
}
