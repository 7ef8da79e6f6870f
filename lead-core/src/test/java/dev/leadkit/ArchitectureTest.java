package dev.leadkit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.leadkit.archfixture.inner.Base;
import dev.leadkit.archfixture.outer.Sub;
import dev.leadkit.lead.LeadService;
import dev.leadkit.support.MainClasses;
import dev.leadkit.store.memory.InMemoryStore;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static org.assertj.core.api.Assertions.assertThat;

/** The shape DESIGN.md and STYLE.md ask of lead-core's main classes. */
class ArchitectureTest {

    private static final JavaClasses CORE = MainClasses.get();

    @Test
    void theImportHoldsTheMainClassesAndNoTests() {
        assertThat(CORE.contain(LeadKit.class)).isTrue();
        assertThat(CORE.contain(LeadService.class)).isTrue();
        assertThat(CORE.contain(InMemoryStore.class)).isTrue();
        assertThat(CORE.contain(ArchitectureTest.class)).isFalse();
        assertThat(CORE.contain(Sub.class)).isFalse();
        assertThat(CORE).allSatisfy(c -> assertThat(c.getPackageName()).startsWith("dev.leadkit"));
    }

    @Test
    void leadCoreDependsOnlyOnTheJdkSlf4jAndLibphonenumber() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.annotation..", "javax.crypto..", "org.slf4j..", "com.google.i18n.phonenumbers..", "dev.leadkit..")
                .because("lead-core is the rules alone (javax.crypto is the JDK's own, for signing cursors); Jakarta, Hibernate, Jackson and Commons CSV belong to adapters")
                .check(CORE);
    }

    @Test
    void onlyTheFrontDoorKnowsTheInMemoryStore() {
        noClasses().that().resideOutsideOfPackage("dev.leadkit.store.memory..")
                .and(DescribedPredicate.not(belongToAnyOf(LeadKit.class)))
                .should().dependOnClassesThat().resideInAPackage("dev.leadkit.store.memory..")
                .because("services talk to the Store port; the in-memory store is only the builder's default")
                .check(CORE);
    }

    @Test
    void noPackageReachesIntoAnotherPackagesNonPublicClasses() {
        onlyPublicClassesOfOtherPackages().check(CORE);
    }

    @Test
    void theVisibilityRuleCatchesAReachIntoAProtectedNestedClass() {
        JavaClasses fixture = MainClasses.of(Base.class, Base.class.getDeclaredClasses()[0], Sub.class);

        EvaluationResult result = onlyPublicClassesOfOtherPackages().evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains(Sub.class.getName()).contains("Base$Hidden"));
    }

    @Test
    void nothingWritesToTheStandardStreamsOrUsesJavaUtilLogging() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because("LeadKit logs through SLF4J").check(CORE);
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because("LeadKit logs through SLF4J").check(CORE);
    }

    @Test
    void noDomainCodeReadsTheSystemClockOrMakesRandomIds() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(UUID.class, "randomUUID")
                .because("time comes from the injected Clock and ids from the injected IdGenerator")
                .check(CORE);
    }

    @Test
    void onlyTheBuilderPicksTheSystemClock() {
        noClasses().that(DescribedPredicate.not(belongToAnyOf(LeadKit.class)))
                .should().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("the system clock is the builder's default; everything else uses the injected one")
                .check(CORE);
    }

    @Test
    void onlyTheIdGeneratorUsesRandomness() {
        noClasses().that(DescribedPredicate.not(belongToAnyOf(IdGenerator.class)))
                .should().callConstructor(SecureRandom.class)
                .orShould().callConstructor(Random.class)
                .orShould().callMethod(ThreadLocalRandom.class, "current")
                .orShould().callMethod(Math.class, "random")
                .because("ids are made by the injected IdGenerator, so tests are deterministic")
                .check(CORE);
    }

    /**
     * A class may use classes of its own package freely; of other LeadKit packages only the public
     * ones (nested ones inside public classes). javac enforces most of this, but not for protected
     * nested classes reached through inheritance, nor for code a future build might generate.
     */
    private static ArchRule onlyPublicClassesOfOtherPackages() {
        return classes().that().resideInAPackage("dev.leadkit..")
                .should(new ArchCondition<JavaClass>("use only public classes of other LeadKit packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            boolean otherLeadKitPackage = target.getPackageName().startsWith("dev.leadkit")
                                    && !target.getPackageName().equals(origin.getPackageName());
                            if (otherLeadKitPackage && !isEffectivelyPublic(target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                        + ", but " + target.getName() + " is not public API of its package"));
                            }
                        }
                    }
                })
                .because("a feature package is used through its public types; the rest is its own business");
    }

    private static boolean isEffectivelyPublic(JavaClass c) {
        return c.getModifiers().contains(JavaModifier.PUBLIC)
                && c.getEnclosingClass().map(ArchitectureTest::isEffectivelyPublic).orElse(true);
    }
}
