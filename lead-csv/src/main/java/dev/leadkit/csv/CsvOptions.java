package dev.leadkit.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a CSV input: delimiter (detected from the header line unless declared), charset
 * (UTF-8 unless declared; a UTF-8 byte order mark is skipped), the size limits, and explicit
 * header mappings. Immutable; built with {@link #builder()}.
 *
 * <pre>{@code
 * CsvOptions options = CsvOptions.builder()
 *         .charset(Charset.forName("windows-1257"))
 *         .delimiter(';')
 *         .map("Kliento nr", "externalId")
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class CsvOptions {

    /** The default longest cell, in chars: 1 Mi. */
    public static final int DEFAULT_MAX_CELL_CHARS = 1 << 20;

    /** The default longest record, in chars: 8 Mi. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 8 << 20;

    private final Character delimiter;
    private final Charset charset;
    private final int maxCellChars;
    private final int maxRecordChars;
    private final Map<String, String> overrides;

    private CsvOptions(Builder b) {
        this.delimiter = b.delimiter;
        this.charset = b.charset;
        this.maxCellChars = b.maxCellChars;
        this.maxRecordChars = b.maxRecordChars;
        this.overrides = Map.copyOf(b.overrides);
    }

    /** @return comma, semicolon or tab detected, UTF-8, the default limits, no overrides */
    public static CsvOptions defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the declared delimiter, or empty to detect it from the header line */
    public Optional<Character> delimiter() {
        return Optional.ofNullable(delimiter);
    }

    /** @return the charset bytes are decoded with */
    public Charset charset() {
        return charset;
    }

    /** @return the longest cell accepted, in chars */
    public int maxCellChars() {
        return maxCellChars;
    }

    /** @return the longest record read, in chars; a longer one is reported and skipped */
    public int maxRecordChars() {
        return maxRecordChars;
    }

    /** @return explicit {@code column → field} mappings */
    public Map<String, String> overrides() {
        return overrides;
    }

    /** Builds {@link CsvOptions}; fails fast on a value that cannot work. */
    public static final class Builder {
        private Character delimiter;
        private Charset charset = StandardCharsets.UTF_8;
        private int maxCellChars = DEFAULT_MAX_CELL_CHARS;
        private int maxRecordChars = DEFAULT_MAX_RECORD_CHARS;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param delimiter the cell delimiter: any char but a quote, CR or LF
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
                throw new IllegalArgumentException("delimiter must not be a quote or a line break");
            }
            this.delimiter = delimiter;
            return this;
        }

        /** @return this builder, detecting the delimiter from the header line again */
        public Builder detectDelimiter() {
            this.delimiter = null;
            return this;
        }

        /**
         * @param charset the input's charset
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * @param maxCellChars the longest cell accepted, 1 or more
         * @return this builder
         */
        public Builder maxCellChars(int maxCellChars) {
            if (maxCellChars < 1) {
                throw new IllegalArgumentException("maxCellChars must be 1 or more");
            }
            this.maxCellChars = maxCellChars;
            return this;
        }

        /**
         * @param maxRecordChars the longest record read, 1 or more
         * @return this builder
         */
        public Builder maxRecordChars(int maxRecordChars) {
            if (maxRecordChars < 1) {
                throw new IllegalArgumentException("maxRecordChars must be 1 or more");
            }
            this.maxRecordChars = maxRecordChars;
            return this;
        }

        /**
         * @param column a header as written
         * @param field  a target as {@link CsvTarget#parse(String)} reads it, an alias, or {@code -} to leave
         *               the column out
         * @return this builder
         */
        public Builder map(String column, String field) {
            overrides.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(field, "field"));
            return this;
        }

        /** @return the options */
        public CsvOptions build() {
            return new CsvOptions(this);
        }
    }
}
