package dev.leadkit.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java code is the compiled example's code: every {@code <!-- snippet: NAME -->} block
 * in README.md equals the region between {@code // tag::NAME[]} and {@code // end::NAME[]} in the
 * example it names, and every tagged region appears in the README.
 */
class ReadmeSnippetsTest {

    private static final Pattern README_SNIPPET = Pattern.compile(
            "<!-- snippet: ([\\w-]+) from (\\S+) -->\\R```java\\R(.*?)\\R```\\R<!-- end snippet -->", Pattern.DOTALL);
    private static final Pattern SOURCE_REGION = Pattern.compile(
            "[ \\t]*// tag::([\\w-]+)\\[]\\R(.*?)\\R[ \\t]*// end::\\1\\[]", Pattern.DOTALL);

    private final Path readme = Path.of(System.getProperty("leadkit.readme", "../README.md"));
    private final Path sources = Path.of(System.getProperty("leadkit.examplesSources", "src/main/java"));

    @Test
    void everyReadmeSnippetEqualsTheTaggedRegionOfItsCompiledSource() throws IOException {
        Map<String, String> snippets = readmeSnippets();

        assertThat(snippets).isNotEmpty();
        Matcher m = README_SNIPPET.matcher(read(readme));
        while (m.find()) {
            Map<String, String> regions = regions(sources.resolve(m.group(2)));
            assertThat(regions).as("tagged regions of " + m.group(2)).containsKey(m.group(1));
            assertThat(m.group(3)).as("README snippet '" + m.group(1) + "'").isEqualTo(regions.get(m.group(1)));
        }
    }

    @Test
    void everyTaggedRegionOfTheEmbeddingExamplesIsInTheReadme() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.putAll(regions(sources.resolve("dev/leadkit/examples/EmbeddingExample.java")));
        regions.putAll(regions(sources.resolve("dev/leadkit/examples/JpaEmbeddingExample.java")));

        assertThat(regions).containsKeys("quick-start", "host-ports", "host-directory", "host-rules", "jpa-store",
                "queries-and-duplicates");
        assertThat(readmeSnippets()).containsOnlyKeys(regions.keySet());
    }

    @Test
    void theReadmeGivesTheTwoSetUpCommandsVerbatim() throws IOException {
        assertThat(read(readme)).contains(
                "mvn -B -q install -DskipTests && java -jar examples/target/leadkit.jar demo",
                "mvn -B verify");
    }

    private Map<String, String> readmeSnippets() throws IOException {
        Map<String, String> snippets = new LinkedHashMap<>();
        Matcher m = README_SNIPPET.matcher(read(readme));
        while (m.find()) {
            snippets.put(m.group(1), m.group(3));
        }
        return snippets;
    }

    /** Tagged regions, de-indented by their common indentation, without the tag lines. */
    private static Map<String, String> regions(Path source) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        Matcher m = SOURCE_REGION.matcher(read(source));
        while (m.find()) {
            regions.put(m.group(1), dedent(m.group(2)));
        }
        return regions;
    }

    private static String dedent(String text) {
        List<String> lines = text.lines().collect(Collectors.toList());
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
