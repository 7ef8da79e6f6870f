package dev.leadkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import dev.leadkit.support.MainClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** lead-core's module-info: what it exports and what it needs. */
class ModuleDescriptorTest {

    /** The packages a host uses today; later features add theirs. */
    private static final Set<String> API = Set.of("dev.leadkit", "dev.leadkit.lead", "dev.leadkit.access",
            "dev.leadkit.activity", "dev.leadkit.workflow", "dev.leadkit.event", "dev.leadkit.store",
            "dev.leadkit.store.memory");

    private static ModuleDescriptor descriptor;

    @BeforeAll
    static void readTheCompiledDescriptor() {
        Path classes = MainClasses.directory();
        descriptor = ModuleFinder.of(classes).find("dev.leadkit.core").orElseThrow(() ->
                new AssertionError("no module dev.leadkit.core in " + classes)).descriptor();
    }

    @Test
    void theModuleRequiresOnlySlf4jAndLibphonenumber() {
        Set<String> required = descriptor.requires().stream()
                .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());

        assertThat(required).containsExactlyInAnyOrder("org.slf4j", "com.google.i18n.phonenumbers.libphonenumber");
    }

    @Test
    void theModuleExportsExactlyThePackagesThatHoldPublicTypes() {
        // dev.leadkit.internal holds plumbing the services share across packages: public, never exported.
        Set<String> withPublicTypes = MainClasses.get().stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getPackageName).filter(p -> !p.equals("dev.leadkit.internal"))
                .collect(Collectors.toSet());

        assertThat(exported()).containsAll(API).isEqualTo(withPublicTypes).doesNotContain("dev.leadkit.internal");
    }

    @Test
    void exportsAreUnqualifiedAndNothingIsOpenedForReflection() {
        assertThat(descriptor.exports()).noneMatch(ModuleDescriptor.Exports::isQualified);
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.opens()).isEmpty();
    }

    private static Set<String> exported() {
        return descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }
}
