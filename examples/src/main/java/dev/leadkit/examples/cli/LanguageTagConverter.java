package dev.leadkit.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Reads a well-formed IETF language tag ({@code en}, {@code tr}, {@code da}, {@code pt-BR}) into a
 * {@link Locale}; anything else is a bad argument rather than a silent fallback to English.
 */
final class LanguageTagConverter implements ITypeConverter<Locale> {

    @Override
    public Locale convert(String value) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw new TypeConversionException("'" + value + "' is not a language tag such as en, tr, lt or da");
        }
    }
}
