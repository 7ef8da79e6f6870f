package dev.leadkit.examples.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Answers {@code leadkit --version} with the version Maven wrote into {@code leadkit.properties}
 * when it built the tool, and the Java runtime it runs on.
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
                "leadkit " + version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
    }

    /** @return the LeadKit version this tool was built as, e.g. {@code 0.1.0-SNAPSHOT} */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("leadkit.properties")) {
            if (in == null) {
                throw new IllegalStateException("leadkit.properties is missing from the class path; rebuild the tool");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read leadkit.properties", e);
        }
    }
}
