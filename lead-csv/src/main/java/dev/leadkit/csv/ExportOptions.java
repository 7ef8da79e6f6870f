package dev.leadkit.csv;

import dev.leadkit.query.Filter;
import dev.leadkit.query.Sort;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What and how to export: a filter (or a saved view by name, whose filter, sort and columns are
 * used), the columns, the delimiter, and the Excel flavour (UTF-8 byte order mark, CRLF). Immutable;
 * built with {@link #builder()}.
 *
 * <pre>{@code
 * ExportOptions options = ExportOptions.builder().view("My hot leads").excel(true).delimiter(';').build();
 * }</pre>
 *
 * @since 0.4
 */
public final class ExportOptions {

    private final Filter filter;
    private final List<Sort> sort;
    private final Optional<String> search;
    private final Optional<String> view;
    private final Optional<List<String>> columns;
    private final char delimiter;
    private final boolean excel;
    private final LongConsumer progress;

    private ExportOptions(Builder b) {
        this.filter = b.filter;
        this.sort = b.sort;
        this.search = Optional.ofNullable(b.search);
        this.view = Optional.ofNullable(b.view);
        this.columns = Optional.ofNullable(b.columns);
        this.delimiter = b.delimiter;
        this.excel = b.excel;
        this.progress = b.progress;
    }

    /** @return every lead the actor may view, every column, comma, no BOM */
    public static ExportOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.filter = filter;
        b.sort = sort;
        b.search = search.orElse(null);
        b.view = view.orElse(null);
        b.columns = columns.orElse(null);
        b.delimiter = delimiter;
        b.excel = excel;
        b.progress = progress;
        return b;
    }

    /** @return which leads (ignored when a view is named) */
    public Filter filter() {
        return filter;
    }

    /** @return the order (empty: by id; ignored when a view is named) */
    public List<Sort> sort() {
        return sort;
    }

    /** @return a search text the leads must match */
    public Optional<String> search() {
        return search;
    }

    /** @return the saved view to export, by name or id */
    public Optional<String> view() {
        return view;
    }

    /** @return the columns; empty: the view's, else every standard field, tags and every custom field */
    public Optional<List<String>> columns() {
        return columns;
    }

    /** @return the delimiter: comma, semicolon or tab */
    public char delimiter() {
        return delimiter;
    }

    /** @return whether the file starts with a UTF-8 byte order mark (Excel reads UTF-8 then) */
    public boolean excel() {
        return excel;
    }

    /** @return told the number of rows written so far, after each page */
    public LongConsumer progress() {
        return progress;
    }

    /** Builds {@link ExportOptions}. */
    public static final class Builder {
        private Filter filter = Filter.all();
        private List<Sort> sort = List.of();
        private String search;
        private String view;
        private List<String> columns;
        private char delimiter = ',';
        private boolean excel;
        private LongConsumer progress = n -> { };

        private Builder() {
        }

        /** @param filter which leads @return this */
        public Builder filter(Filter filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** @param sort the order @return this */
        public Builder sort(List<Sort> sort) {
            this.sort = List.copyOf(sort);
            return this;
        }

        /** @param text a search text @return this */
        public Builder search(String text) {
            this.search = Objects.requireNonNull(text, "text");
            return this;
        }

        /** @param nameOrId a saved view the actor can see @return this */
        public Builder view(String nameOrId) {
            this.view = Objects.requireNonNull(nameOrId, "nameOrId");
            return this;
        }

        /** @param columns field keys ({@code email}), {@code tags}, {@code custom.KEY} @return this */
        public Builder columns(List<String> columns) {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("name at least one column");
            }
            this.columns = List.copyOf(columns);
            return this;
        }

        /** @param delimiter ',', ';' or tab @return this */
        public Builder delimiter(char delimiter) {
            if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
                throw new IllegalArgumentException("the delimiter is a comma, a semicolon or a tab");
            }
            this.delimiter = delimiter;
            return this;
        }

        /** @param excel whether to start with a UTF-8 byte order mark @return this */
        public Builder excel(boolean excel) {
            this.excel = excel;
            return this;
        }

        /** @param progress told the rows written after each page @return this */
        public Builder progress(LongConsumer progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** @return the options */
        public ExportOptions build() {
            return new ExportOptions(this);
        }
    }
}
