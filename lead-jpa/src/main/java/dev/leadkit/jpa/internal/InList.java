package dev.leadkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads of rows by many values of a unique column ({@code id in (…)}), written so that the plan
 * does not depend on the table's statistics.
 *
 * <p>On PostgreSQL the values are one array parameter, unnested and joined {@code lateral} to a
 * one-row lookup on the column ({@code offset 0} keeps the planner from flattening it into a join
 * it could hash): one statement text for any number of values, and a plan — one index probe per
 * value — that stays right when the driver's server-side prepared statement keeps a generic plan
 * made while the table was small. An {@code in (…)} list there froze a sequential scan planned for
 * the first thousand leads of an import, and every later batch read the whole table. Other
 * databases get the {@code in (…)} list, {@value #CHUNK} values at most.
 *
 * <pre>{@code
 * InList in = InList.of(connection);
 * String sql = in.select("l.*", "lk_lead l", "l.id", "", ids.size());
 * }</pre>
 */
final class InList {

    /** The most values one {@code in (…)} list binds. */
    static final int CHUNK = 500;
    /** The most values one PostgreSQL array binds. */
    static final int ARRAY_CHUNK = 5_000;

    private final boolean postgresql;

    private InList(boolean postgresql) {
        this.postgresql = postgresql;
    }

    static InList of(Connection c) throws SQLException {
        return new InList(c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql"));
    }

    /** @return how many values one statement binds */
    int chunk() {
        return postgresql ? ARRAY_CHUNK : CHUNK;
    }

    /**
     * @param columns what to select, qualified by the table's alias ({@code l.*}, {@code l.id})
     * @param table   the table and its alias ({@code lk_lead l})
     * @param column  the unique column looked up, qualified ({@code l.id})
     * @param more    more conditions on the row, starting with {@code " and "}, or empty
     * @param values  how many values the statement binds
     * @return the statement: its values bound first ({@link #bind}), then {@code more}'s parameters
     */
    String select(String columns, String table, String column, String more, int values) {
        String alias = table.substring(table.indexOf(' ') + 1);
        return postgresql
                ? "select " + columns + " from unnest(?::varchar[]) as q(v) cross join lateral (select " + columns
                        + " from " + table + " where " + column + " = q.v" + more + " offset 0) " + alias
                : "select " + columns + " from " + table + " where " + column + " in ("
                        + String.join(",", Collections.nCopies(values, "?")) + ")" + more;
    }

    /** Work on a connection. */
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs reads with plans made for their actual parameters. PgJDBC turns a statement run five
     * times on one connection into a server-side prepared statement, and PostgreSQL may then keep
     * one generic plan for it — made without statistics (autovacuum may be off, and an import
     * fills the tables faster than it runs) while the tables were small. For the key ranges that
     * plan was a bitmap scan of every holder of a key, sorted to take the first 20: right for the
     * first thousand leads, and each batch slower than the last as common keys gained holders
     * (1,600 rows/s falling to 450 by 350,000 rows). So on PostgreSQL {@code plan_cache_mode} is
     * {@code force_custom_plan} for the duration of the work (transaction-local, restored after
     * it); other databases run the work as it is.
     */
    <T> T customPlans(Connection c, Work<T> work) throws SQLException {
        if (!postgresql) {
            return work.run();
        }
        String before;
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select current_setting('plan_cache_mode'),"
                     + " set_config('plan_cache_mode', 'force_custom_plan', true)")) {
            rs.next();
            before = rs.getString(1);
        }
        T result = work.run();
        // Not in a finally: after a failed statement PostgreSQL refuses every statement until rollback,
        // which also undoes the transaction-local setting.
        try (PreparedStatement s = c.prepareStatement("select set_config('plan_cache_mode', ?, true)")) {
            s.setString(1, before);
            s.executeQuery().close();
        }
        return result;
    }

    /** @return the index of the next parameter, for {@code more}'s */
    int bind(Connection c, PreparedStatement s, List<String> values) throws SQLException {
        if (postgresql) {
            s.setArray(1, c.createArrayOf("varchar", values.toArray()));
            return 2;
        }
        int p = 1;
        for (String value : values) {
            s.setString(p++, value);
        }
        return p;
    }
}
