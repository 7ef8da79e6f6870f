package dev.leadkit.query;

import dev.leadkit.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question about leads (requirements Q2–Q4, Q6): a {@link Filter}, an optional text search
 * across some columns, the sort, and a page — by offset or after an opaque keyset cursor from the
 * previous {@link LeadPage}. Immutable; built with {@link #builder()}, which checks what it can
 * alone (page size 1 to {@value #MAX_PAGE_SIZE}, offset, search length); field names and values
 * are checked against the standard and custom fields when {@link QueryService} runs it.
 *
 * <p>Default lists leave out soft-deleted leads and leads in a status of the CONVERTED category;
 * {@link Builder#includeDeleted()} and {@link Builder#includeConverted()} bring them back. The
 * actor's visibility is always part of the query (Q7).
 *
 * <pre>{@code
 * LeadQuery query = LeadQuery.builder()
 *         .where(Filter.and(Filter.eq("status", "new"), Filter.in("owner", "ayse", "mehmet")))
 *         .search("istanbul")                   // in firstName, lastName, email, phone, company
 *         .sort(Sort.desc("leadDate"))
 *         .pageSize(50)
 *         .build();
 * LeadPage first = kit.queries().list(ayse, query);
 * if (first.nextCursor().isPresent()) {
 *     LeadPage second = kit.queries().list(ayse, query.after(first.nextCursor().get()));
 * }
 * }</pre>
 *
 * @since 0.3
 */
public final class LeadQuery {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 1_000;
    /** The page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The longest search text, in characters. */
    public static final int MAX_SEARCH_LENGTH = 200;
    /** The most sort keys. */
    public static final int MAX_SORT_KEYS = 5;
    /** The largest offset; deeper pages use the keyset cursor. */
    public static final int MAX_OFFSET = 100_000;
    /** The fields searched when the query names none. */
    public static final List<String> DEFAULT_SEARCH_FIELDS = List.of("firstName", "lastName", "email", "phone", "company");

    private final Filter filter;
    private final Optional<String> search;
    private final List<String> searchFields;
    private final List<Sort> sort;
    private final int pageSize;
    private final int offset;
    private final Optional<String> cursor;
    private final boolean includeDeleted;
    private final boolean includeConverted;

    private LeadQuery(Builder b) {
        this.filter = b.filters.isEmpty() ? Filter.all() : b.filters.size() == 1 ? b.filters.get(0)
                : new Filter.And(b.filters);
        this.search = b.search;
        this.searchFields = List.copyOf(b.searchFields);
        this.sort = List.copyOf(b.sort);
        this.pageSize = b.pageSize;
        this.offset = b.offset;
        this.cursor = b.cursor;
        this.includeDeleted = b.includeDeleted;
        this.includeConverted = b.includeConverted;
    }

    /** @return a builder: no filter, no search, newest lead date first, first page of 50 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this query's settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        if (!(filter instanceof Filter.And && ((Filter.And) filter).parts().isEmpty())) {
            b.filters.add(filter);
        }
        b.search = search;
        b.searchFields.addAll(searchFields);
        b.sort.addAll(sort);
        b.pageSize = pageSize;
        b.offset = offset;
        b.cursor = cursor;
        b.includeDeleted = includeDeleted;
        b.includeConverted = includeConverted;
        return b;
    }

    /**
     * @param nextCursor a cursor from a {@link LeadPage} of this query
     * @return this query on the page after it
     */
    public LeadQuery after(String nextCursor) {
        return toBuilder().offset(0).after(nextCursor).build();
    }

    /** @return this query on its first page, without cursor, with another page size */
    LeadQuery unpaged(int size) {
        Builder b = toBuilder();
        b.cursor = Optional.empty();
        b.offset = 0;
        b.pageSize = size;
        return b.build();
    }

    /** @return the filter ({@link Filter#all()} when none) */
    public Filter filter() {
        return filter;
    }

    /** @return the search text, if any */
    public Optional<String> search() {
        return search;
    }

    /** @return the fields searched; empty for the default ones (or a view's columns) */
    public List<String> searchFields() {
        return searchFields;
    }

    /** @return the sort keys; empty for the default (newest lead date first, or a view's sort) */
    public List<Sort> sort() {
        return sort;
    }

    /** @return the page size, 1 to {@value #MAX_PAGE_SIZE} */
    public int pageSize() {
        return pageSize;
    }

    /** @return how many leads to skip (0 when paging by cursor) */
    public int offset() {
        return offset;
    }

    /** @return the keyset cursor, if paging by keyset */
    public Optional<String> cursor() {
        return cursor;
    }

    /** @return whether soft-deleted leads are included */
    public boolean includeDeleted() {
        return includeDeleted;
    }

    /** @return whether leads in a converted status are included */
    public boolean includeConverted() {
        return includeConverted;
    }

    /** Builds a {@link LeadQuery}; checks each setting as it is given. Not thread-safe. */
    public static final class Builder {
        private final List<Filter> filters = new ArrayList<>();
        private Optional<String> search = Optional.empty();
        private final List<String> searchFields = new ArrayList<>();
        private final List<Sort> sort = new ArrayList<>();
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int offset;
        private Optional<String> cursor = Optional.empty();
        private boolean includeDeleted;
        private boolean includeConverted;

        private Builder() {
        }

        /**
         * Adds a filter; several are combined with AND.
         *
         * @param filter a filter
         * @return this builder
         */
        public Builder where(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * @param text text to find, case- and accent-insensitively; words are searched separately
         *             and must all be found; blank text means no search
         * @return this builder
         * @throws ValidationException {@code query.search.too_long} beyond {@value #MAX_SEARCH_LENGTH} characters
         */
        public Builder search(String text) {
            Objects.requireNonNull(text, "text");
            if (text.length() > MAX_SEARCH_LENGTH) {
                throw ValidationException.of("search", "query.search.too_long",
                        "a search text is at most " + MAX_SEARCH_LENGTH + " characters");
            }
            this.search = text.isBlank() ? Optional.empty() : Optional.of(text);
            return this;
        }

        /**
         * @param fields the text fields to search (default {@link #DEFAULT_SEARCH_FIELDS}, or a view's text columns)
         * @return this builder
         */
        public Builder searchIn(String... fields) {
            searchFields.clear();
            Arrays.stream(fields).map(f -> Objects.requireNonNull(f, "field")).forEach(searchFields::add);
            return this;
        }

        /**
         * Replaces the sort keys.
         *
         * @param keys the sort keys, most significant first, at most {@value #MAX_SORT_KEYS}
         * @return this builder
         */
        public Builder sort(Sort... keys) {
            if (keys.length > MAX_SORT_KEYS) {
                throw ValidationException.of("sort", "query.sort.too_many",
                        "a query sorts by at most " + MAX_SORT_KEYS + " keys");
            }
            sort.clear();
            Arrays.stream(keys).map(k -> Objects.requireNonNull(k, "sort")).forEach(sort::add);
            return this;
        }

        /**
         * @param size leads per page, 1 to {@value #MAX_PAGE_SIZE}
         * @return this builder
         * @throws ValidationException {@code query.page_size.out_of_range} otherwise
         */
        public Builder pageSize(int size) {
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw ValidationException.of("pageSize", "query.page_size.out_of_range",
                        "the page size is between 1 and " + MAX_PAGE_SIZE);
            }
            this.pageSize = size;
            return this;
        }

        /**
         * @param skip how many leads to skip, 0 to {@value #MAX_OFFSET}; clears a cursor
         * @return this builder
         * @throws ValidationException {@code query.offset.out_of_range} otherwise
         */
        public Builder offset(int skip) {
            if (skip < 0 || skip > MAX_OFFSET) {
                throw ValidationException.of("offset", "query.offset.out_of_range",
                        "the offset is between 0 and " + MAX_OFFSET + "; page deeper with the keyset cursor");
            }
            this.offset = skip;
            if (skip > 0) {
                this.cursor = Optional.empty();
            }
            return this;
        }

        /**
         * @param nextCursor a cursor from the previous {@link LeadPage} of the same query; clears the offset
         * @return this builder
         */
        public Builder after(String nextCursor) {
            this.cursor = Optional.of(Objects.requireNonNull(nextCursor, "nextCursor"));
            this.offset = 0;
            return this;
        }

        /** @return this builder, including soft-deleted leads */
        public Builder includeDeleted() {
            this.includeDeleted = true;
            return this;
        }

        /** @return this builder, including leads in a converted status */
        public Builder includeConverted() {
            this.includeConverted = true;
            return this;
        }

        /** @return the query */
        public LeadQuery build() {
            return new LeadQuery(this);
        }
    }
}
