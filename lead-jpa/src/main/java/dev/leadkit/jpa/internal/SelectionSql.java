package dev.leadkit.jpa.internal;

import dev.leadkit.lead.LeadField;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;
import dev.leadkit.store.Visibility;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One {@link LeadSelection} as one SQL statement (requirements Q3, Q4, Q7): the visibility, the
 * deleted flag, the filter and the search are its WHERE clause, the sort keys its ORDER BY, a
 * keyset position an OR-chain on the same sort expressions. The statement text is built from fixed
 * fragments only — column names come from enums and tables in this class, never from input — and
 * every value, custom field keys included, is a bound parameter.
 *
 * <p>The sort expressions are the stored keys (see {@link SearchKeys}), so the database compares
 * exactly what {@code SortKey} compares in memory. Filters follow the criterion's two-valued
 * logic: a leaf on a nullable column is written {@code col is not null and …}, so that
 * {@code NOT} of it holds for a lead without a value, as in memory — and stays an index condition.
 */
final class SelectionSql {

    /** The databases, for the two spellings that differ (empty values last; large owner sets). */
    enum Db {
        H2, POSTGRESQL, MARIADB
    }

    private final Db db;
    private final boolean ownerArray;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<String> joins = new ArrayList<>();
    private final List<String> where = new ArrayList<>();
    private final List<Sorted> order = new ArrayList<>();
    private final LeadSelection selection;

    /** One sort key: its expression and whether it can be null. */
    private record Sorted(String expression, boolean nullable, boolean descending, QueryField field) {
    }

    private SelectionSql(LeadSelection selection, Db db, boolean ownerArray) {
        this.selection = selection;
        this.db = db;
        this.ownerArray = ownerArray;
    }

    /**
     * @param selection  the selection
     * @param db         the database
     * @param ownerArray whether the visibility's owners are bound as one array (PostgreSQL, many owners)
     * @return the statement's parts
     */
    static SelectionSql of(LeadSelection selection, Db db, boolean ownerArray) {
        SelectionSql sql = new SelectionSql(selection, db, ownerArray);
        if (!selection.includeDeleted()) {
            sql.where.add("l.deleted = false");
        }
        sql.visibility(selection.visibility());
        String filter = sql.criterion(selection.filter());
        if (!filter.equals("1 = 1")) {
            sql.where.add(filter);
        }
        selection.search().ifPresent(sql::search);
        return sql;
    }

    /** @return the statement selecting the page's rows (every column of lk_lead) */
    String select() {
        for (LeadSelection.Order o : selection.order()) {
            order.add(sortKey(o));
        }
        List<String> conditions = new ArrayList<>(where);
        selection.after().ifPresent(position -> conditions.add(after(position)));
        StringBuilder sql = new StringBuilder("select l.* from lk_lead l");
        joins.forEach(join -> sql.append(' ').append(join));
        sql.append(" where ").append(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions));
        if (fenced()) {
            // OFFSET 0 keeps PostgreSQL from planning the search as a walk of a date index in
            // sort order, filtering row by row until the page is full: its estimate of how many
            // rows a LIKE matches is rough, and when few visible rows match, the walk reads most
            // of the table. Fenced, the trigram and visibility bitmaps are ANDed, and only the
            // matching rows are read and sorted.
            sql.insert(0, "select l.* from (").append(" offset 0) l");
        }
        sql.append(" order by ");
        for (Sorted key : order) {
            sql.append(orderTerm(key)).append(", ");
        }
        sql.append("l.id").append(selection.idDescending() ? " desc" : "");
        return sql.toString();
    }

    /**
     * Whether to fence the WHERE clause off from the ORDER BY: on PostgreSQL, for a search whose
     * every term has a trigram (3 characters or more), when no custom field is sorted on (its
     * join's columns are not selected through the fence).
     */
    private boolean fenced() {
        return db == Db.POSTGRESQL && joins.isEmpty() && selection.search().isPresent()
                && selection.search().get().terms().stream().allMatch(t -> t.codePointCount(0, t.length()) >= 3);
    }

    /** @return the statement counting the matching rows */
    String count() {
        return "select count(*) from lk_lead l where " + (where.isEmpty() ? "1 = 1" : String.join(" and ", where));
    }

    void bind(Query query) {
        parameters.forEach(query::setParameter);
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile("(?<!:):(p\\d+)\\b");

    /**
     * A statement of this selection for JDBC: each {@code :pN} of {@code text} becomes {@code ?}
     * (a list one {@code ?} per element), bound as Hibernate binds it — an array as an SQL array
     * (PostgreSQL), an instant as a UTC timestamp (MariaDB: its UTC wall-clock time, as
     * {@code hibernate.jdbc.time_zone=UTC} writes it).
     *
     * @param c    the transaction's connection
     * @param text {@link #select()}, maybe with a limit appended
     * @return the statement, bound
     * @throws java.sql.SQLException as the driver throws it
     */
    java.sql.PreparedStatement prepare(java.sql.Connection c, String text) throws java.sql.SQLException {
        List<Object> values = new ArrayList<>();
        java.util.regex.Matcher m = NAMED.matcher(text);
        StringBuilder sql = new StringBuilder(text.length());
        while (m.find()) {
            if (!parameters.containsKey(m.group(1))) {
                throw new IllegalStateException("no parameter " + m.group(1));
            }
            Object value = parameters.get(m.group(1));
            String marks = "?";
            if (value instanceof java.util.Collection) {
                java.util.Collection<?> list = (java.util.Collection<?>) value;
                values.addAll(list);
                marks = String.join(", ", java.util.Collections.nCopies(list.size(), "?"));
            } else {
                values.add(value);
            }
            m.appendReplacement(sql, marks);
        }
        m.appendTail(sql);
        java.sql.PreparedStatement s = c.prepareStatement(sql.toString());
        try {
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof String[]) {
                    s.setArray(i + 1, c.createArrayOf("varchar", (String[]) v));
                } else if (v instanceof Instant) {
                    s.setObject(i + 1, db == Db.MARIADB
                            ? java.time.LocalDateTime.ofInstant((Instant) v, java.time.ZoneOffset.UTC)
                            : java.time.OffsetDateTime.ofInstant((Instant) v, java.time.ZoneOffset.UTC));
                } else {
                    s.setObject(i + 1, v);
                }
            }
            return s;
        } catch (java.sql.SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private String parameter(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    // ---------------------------------------------------------------- visibility

    /** Exactly {@link Visibility#admits}: owned by one of the owners, unassigned when allowed, or granted VIEW. */
    private void visibility(Visibility visibility) {
        if (visibility.all()) {
            return;
        }
        List<String> admits = new ArrayList<>();
        if (!visibility.owners().isEmpty()) {
            // Sorted, so the same owners give the same statement text (and plan cache entry).
            List<String> owners = new ArrayList<>(new TreeSet<>(visibility.owners()));
            if (ownerArray) {
                admits.add("l.owner_id = any(" + parameter(owners.toArray(String[]::new)) + ")");
            } else {
                admits.add("l.owner_id in (" + parameter(owners) + ")");
            }
        }
        if (visibility.unassigned()) {
            admits.add("l.owner_id is null");
        }
        visibility.grantee().ifPresent(grantee -> {
            if (db == Db.POSTGRESQL) {
                // The granted ids as one array, read once (an init plan): an index condition on the
                // primary key, so PostgreSQL ORs the three alternatives as bitmaps and ANDs them with
                // the search's trigram bitmaps — only visible matches are read from the table.
                admits.add("l.id = any(array(select g.lead_id from lk_lead_grant g where g.grantee_id = "
                        + parameter(grantee) + " and g.can_view = true))");
            } else {
                admits.add("exists (select 1 from lk_lead_grant g where g.lead_id = l.id and g.grantee_id = "
                        + parameter(grantee) + " and g.can_view = true)");
            }
        });
        where.add(admits.isEmpty() ? "1 = 0" : "(" + String.join(" or ", admits) + ")");
    }

    // ---------------------------------------------------------------- filter

    private String criterion(Criterion criterion) {
        if (criterion instanceof Criterion.And) {
            List<Criterion> parts = ((Criterion.And) criterion).parts();
            if (parts.isEmpty()) {
                return "1 = 1";
            }
            List<String> sql = new ArrayList<>();
            parts.forEach(p -> sql.add(criterion(p)));
            return "(" + String.join(" and ", sql) + ")";
        }
        if (criterion instanceof Criterion.Or) {
            List<Criterion> parts = ((Criterion.Or) criterion).parts();
            if (parts.isEmpty()) {
                return "1 = 0";
            }
            List<String> sql = new ArrayList<>();
            parts.forEach(p -> sql.add(criterion(p)));
            return "(" + String.join(" or ", sql) + ")";
        }
        if (criterion instanceof Criterion.Not) {
            return "not (" + criterion(((Criterion.Not) criterion).part()) + ")";
        }
        if (criterion instanceof Criterion.Range) {
            return range((Criterion.Range) criterion);
        }
        return match((Criterion.Match) criterion);
    }

    private String range(Criterion.Range range) {
        QueryField field = range.field();
        if (field.origin() == QueryField.Origin.CUSTOM) {
            String column = field.type() == QueryField.Type.DATE ? "v.date_value" : "v.number_value";
            List<String> bounds = new ArrayList<>();
            range.min().ifPresent(min -> bounds.add(column + " >= " + parameter(customValue(field, min))));
            range.max().ifPresent(max -> bounds.add(column + " <= " + parameter(customValue(field, max))));
            return customExists(field, column + " is not null and " + String.join(" and ", bounds));
        }
        Column column = column(field);
        List<String> bounds = new ArrayList<>();
        range.min().ifPresent(min -> bounds.add(column.sql + " >= " + parameter(instantBound((Instant) min, true, column))));
        range.max().ifPresent(max -> bounds.add(column.sql + " <= " + parameter(instantBound((Instant) max, false, column))));
        return "(" + guard(column) + String.join(" and ", bounds) + ")";
    }

    /**
     * Stored instants hold microseconds: a lower bound with a finer part admits from the next
     * microsecond on, an upper bound up to the microsecond before — as comparing the exact values would.
     */
    private static Object instantBound(Instant bound, boolean lower, Column column) {
        Instant micros = bound.truncatedTo(ChronoUnit.MICROS);
        if (lower && micros.isBefore(bound)) {
            micros = micros.plus(1, ChronoUnit.MICROS);
        }
        return column.micros ? (Object) SearchKeys.micros(micros) : micros;
    }

    private String match(Criterion.Match match) {
        QueryField field = match.field();
        if (field.origin() == QueryField.Origin.CUSTOM) {
            return customMatch(match);
        }
        if (field.origin() == QueryField.Origin.TAGS) {
            switch (match.operator()) {
                case IN:
                    return "exists (select 1 from lk_lead_tag t where t.lead_id = l.id and t.tag in ("
                            + parameter(strings(match.values())) + "))";
                case EMPTY:
                    return "l.tags_key is null";
                case NOT_EMPTY:
                    return "l.tags_key is not null";
                default:
                    throw new IllegalArgumentException(match.operator() + " does not apply to tags");
            }
        }
        Column column = column(field);
        switch (match.operator()) {
            case IN: {
                List<Object> values = new ArrayList<>();
                for (Object value : match.values()) {
                    if (value instanceof Instant) {
                        Instant instant = (Instant) value;
                        if (!instant.truncatedTo(ChronoUnit.MICROS).equals(instant)) {
                            continue;   // finer than any stored instant: equals none
                        }
                        values.add(column.micros ? SearchKeys.micros(instant) : instant);
                    } else {
                        values.add(value);
                    }
                }
                if (values.isEmpty()) {
                    return "1 = 0";
                }
                return "(" + guard(column) + column.sql + " in (" + parameter(values) + "))";
            }
            case CONTAINS:
                return "(" + guard(column) + column.sql + " like " + parameter("%" + escape((String) match.values().get(0)) + "%")
                        + " escape '!')";
            case STARTS_WITH:
                return "(" + guard(column) + column.sql + " like " + parameter(escape((String) match.values().get(0)) + "%")
                        + " escape '!')";
            case EMPTY:
                return column.sql + " is null";
            case NOT_EMPTY:
            default:
                return column.sql + " is not null";
        }
    }

    private static String guard(Column column) {
        return column.nullable ? column.sql + " is not null and " : "";
    }

    private String customMatch(Criterion.Match match) {
        QueryField field = match.field();
        String value = customColumn(field);
        switch (match.operator()) {
            case IN:
                if (field.type() == QueryField.Type.CODE || field.type() == QueryField.Type.SET) {
                    // lk_lead_custom_option holds every option code a value holds, exactly.
                    return "exists (select 1 from lk_lead_custom_option o where o.lead_id = l.id and o.field_key = "
                            + parameter(field.key()) + " and o.option_code in (" + parameter(strings(match.values())) + "))";
                }
                List<Object> values = new ArrayList<>();
                match.values().forEach(v -> values.add(customValue(field, v)));
                return customExists(field, value + " in (" + parameter(values) + ")");
            case CONTAINS:
                return customExists(field, value + " like " + parameter("%" + escape((String) match.values().get(0)) + "%")
                        + " escape '!'");
            case STARTS_WITH:
                return customExists(field, value + " like " + parameter(escape((String) match.values().get(0)) + "%")
                        + " escape '!'");
            case EMPTY:
                return "not (" + customExists(field, value + " is not null") + ")";
            case NOT_EMPTY:
            default:
                return customExists(field, value + " is not null");
        }
    }

    private String customExists(QueryField field, String condition) {
        return "exists (select 1 from lk_lead_custom_value v where v.lead_id = l.id and v.field_key = "
                + parameter(field.key()) + " and " + condition + ")";
    }

    /** The value column of a custom field of this type, in {@code lk_lead_custom_value v}. */
    private static String customColumn(QueryField field) {
        return customColumn(field, "v");
    }

    private static String customColumn(QueryField field, String alias) {
        switch (field.type()) {
            case NUMBER:
                return alias + ".number_value";
            case DATE:
                return alias + ".date_value";
            case FLAG:
                return "(case when " + alias + ".kind = 'FLAG' then " + alias + ".text_key end)";
            case TEXT:
            case CODE:
            case SET:
            default:
                return alias + ".text_key";
        }
    }

    /** A typed value as the custom value table holds it. */
    private static Object customValue(QueryField field, Object value) {
        if (value instanceof LocalDate) {
            return ((LocalDate) value).toEpochDay();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof BigDecimal || value instanceof String) {
            return value;
        }
        throw new IllegalArgumentException("a " + field.type() + " value cannot be " + value.getClass().getSimpleName());
    }

    private static List<String> strings(List<Object> values) {
        List<String> strings = new ArrayList<>();
        values.forEach(v -> strings.add((String) v));
        return strings;
    }

    /** LIKE's wildcards and the escape character itself, escaped with {@code !}. */
    static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    // ---------------------------------------------------------------- search

    private void search(LeadSelection.Search search) {
        for (String term : search.terms()) {
            String pattern = parameter("%" + escape(term) + "%");
            List<String> anyField = new ArrayList<>();
            for (QueryField field : search.fields()) {
                if (field.origin() == QueryField.Origin.CUSTOM) {
                    anyField.add("exists (select 1 from lk_lead_custom_value v where v.lead_id = l.id and v.field_key = "
                            + parameter(field.key()) + " and v.text_key like " + pattern + " escape '!')");
                } else {
                    anyField.add(column(field).sql + " like " + pattern + " escape '!'");
                }
            }
            where.add("(" + String.join(" or ", anyField) + ")");
        }
    }

    // ---------------------------------------------------------------- columns

    /** A column of lk_lead as a filter compares it. */
    private record Column(String sql, boolean nullable, boolean micros) {
    }

    /** The column a filter on a non-custom, non-tag field compares. */
    private static Column column(QueryField field) {
        if (field.origin() == QueryField.Origin.RECORD) {
            switch (field.key()) {
                case "createdAt":
                    return new Column("l.created_at", false, false);
                case "updatedAt":
                    return new Column("l.updated_at", false, false);
                case "statusSince":
                    return new Column("l.status_since", false, false);
                case "createdBy":
                    return new Column("l.created_by", false, false);
                case "closeReason":
                    return new Column("l.close_reason", true, false);
                default:
                    throw new IllegalArgumentException("no record field " + field.key());
            }
        }
        LeadField standard = field.standardField()
                .orElseThrow(() -> new IllegalArgumentException("no standard field " + field.key()));
        switch (standard) {
            case LEAD_DATE:
                return new Column("l.lead_at", false, true);
            case STATUS:
            case SOURCE:
                return new Column("l." + LeadMapping.column(standard), false, false);
            case OWNER:
            case EXTERNAL_ID:
                return new Column("l." + LeadMapping.column(standard), true, false);
            default:
                if (field.type() == QueryField.Type.TEXT) {
                    return new Column("l." + SearchKeys.keyColumn(standard), true, false);
                }
                return new Column("l." + LeadMapping.column(standard), true, false);
        }
    }

    /** The sort expression of a field: its stored sort key (SortKey's value). */
    private Sorted sortKey(LeadSelection.Order o) {
        QueryField field = o.field();
        switch (field.origin()) {
            case TAGS:
                return new Sorted("l.tags_key", true, o.descending(), field);
            case CUSTOM: {
                String alias = "c" + joins.size();
                joins.add("left join lk_lead_custom_value " + alias + " on " + alias + ".lead_id = l.id and "
                        + alias + ".field_key = " + parameter(field.key()));
                return new Sorted(customColumn(field, alias), true, o.descending(), field);
            }
            case RECORD:
                switch (field.key()) {
                    case "createdBy":
                        return new Sorted("l.created_by_key", false, o.descending(), field);
                    case "closeReason":
                        return new Sorted("l.close_reason", true, o.descending(), field);
                    default:
                        return new Sorted(column(field).sql, false, o.descending(), field);
                }
            case STANDARD:
            default: {
                LeadField standard = field.standardField().orElseThrow();
                switch (standard) {
                    case OWNER:
                        return new Sorted("l.owner_key", true, o.descending(), field);
                    case EXTERNAL_ID:
                        return new Sorted("l.external_id_key", true, o.descending(), field);
                    case LEAD_DATE:
                        return new Sorted("l.lead_at", false, o.descending(), field);
                    case STATUS:
                    case SOURCE:
                        // Catalogue codes: a-z, 0-9 and '_' — folding leaves them as they are.
                        return new Sorted("l." + LeadMapping.column(standard), false, o.descending(), field);
                    default:
                        return new Sorted("l." + SearchKeys.keyColumn(standard), true, o.descending(), field);
                }
            }
        }
    }

    /** Empty values last in either direction. */
    private String orderTerm(Sorted key) {
        String direction = key.descending ? " desc" : " asc";
        if (!key.nullable) {
            return key.expression + direction;
        }
        if (db == Db.MARIADB) {
            return "(" + key.expression + " is null)" + ", " + key.expression + direction;
        }
        return key.expression + direction + " nulls last";
    }

    /** The rows strictly after a keyset position, in the order of {@link #select()}. */
    private String after(LeadSelection.Position position) {
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Sorted key = order.get(i);
            Optional<Object> value = position.values().get(i);
            if (value.isPresent()) {
                String bound = parameter(sortValue(key, value.get()));
                String beyond = key.expression + (key.descending ? " < " : " > ") + bound;
                if (key.nullable) {
                    beyond = "(" + beyond + " or " + key.expression + " is null)";
                }
                alternatives.add(conjunction(equalSoFar, beyond));
                equalSoFar.add(key.expression + " = " + bound);
            } else {
                // Empty values come last: nothing but another empty value follows one.
                equalSoFar.add(key.expression + " is null");
            }
        }
        alternatives.add(conjunction(equalSoFar, "l.id" + (selection.idDescending() ? " < " : " > ")
                + parameter(position.id().value())));
        String chain = "(" + String.join(" or ", alternatives) + ")";
        Sorted first = order.get(0);
        Optional<Object> firstValue = position.values().get(0);
        if (first.nullable || firstValue.isEmpty()) {
            return chain;
        }
        // The same rows, with the first key bounded on its own as well: an OR-chain alone gives the
        // database no range to start an index scan at, so every page of a walk read the index from
        // its top (PostgreSQL: 3 s per page half-way through 1,000,000 leads — a quadratic export).
        return "(" + first.expression + (first.descending ? " <= " : " >= ") + parameter(sortValue(first, firstValue.get()))
                + " and " + chain + ")";
    }

    private static String conjunction(List<String> equal, String last) {
        List<String> all = new ArrayList<>(equal);
        all.add(last);
        return "(" + String.join(" and ", all) + ")";
    }

    /** A position's sort value as the sort expression holds it. */
    private static Object sortValue(Sorted key, Object value) {
        if (value instanceof Instant) {
            return key.expression.equals("l.lead_at") ? (Object) SearchKeys.micros((Instant) value) : value;
        }
        if (value instanceof LocalDate) {
            return ((LocalDate) value).toEpochDay();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        return value;
    }
}
