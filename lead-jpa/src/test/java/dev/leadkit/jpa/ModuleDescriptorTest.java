package dev.leadkit.jpa;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests run on the class path; this reads the compiled module descriptor to check the module's shape. */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() {
        return ModuleFinder.of(Path.of("target/classes")).find("dev.leadkit.jpa").orElseThrow().descriptor();
    }

    @Test
    @DisplayName("only the API package is exported; the entities are opened to Hibernate alone")
    void exportsTheApiOnly() {
        ModuleDescriptor module = descriptor();
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.leadkit.jpa");
        assertThat(module.exports()).allMatch(e -> !e.isQualified());
        assertThat(module.opens()).hasSize(1);
        ModuleDescriptor.Opens opens = module.opens().iterator().next();
        assertThat(opens.source()).isEqualTo("dev.leadkit.jpa.internal");
        assertThat(opens.targets()).containsExactly("org.hibernate.orm.core");
    }

    @Test
    @DisplayName("the module reads the core, Jakarta Persistence, Hibernate and Jackson")
    void requiresWhatItUses() {
        Set<String> requires = descriptor().requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(requires).contains("dev.leadkit.core", "jakarta.persistence", "org.hibernate.orm.core",
                "com.fasterxml.jackson.databind", "java.sql");
    }
}
