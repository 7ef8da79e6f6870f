package dev.leadkit.jpa;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * A {@link DataSource} that records every statement prepared on its connections — SQL text,
 * bound parameters, and how many rows its result sets returned — whoever issues it (Hibernate,
 * or the store's own JDBC). The K3/K5 acceptance counts statements and rows with it, and replays
 * a recorded statement under {@code EXPLAIN}; the K6 query benchmark explains its statements with it.
 */
public final class CountingDataSource implements DataSource {

    /** One statement as it ran. */
    public static final class Recorded {
        final String sql;
        /** The {@code setXxx(index, value…)} calls, in order, to replay on another statement. */
        final List<Object[]> binds = new ArrayList<>();
        final List<Method> bindMethods = new ArrayList<>();
        int rows;

        Recorded(String sql) {
            this.sql = sql;
        }

        /** @return the statement's SQL text */
        public String sql() {
            return sql;
        }

        /**
         * Binds the recorded parameters on {@code target}.
         *
         * @param target a statement prepared from the same SQL (or a prefix of it, e.g. EXPLAIN)
         * @throws SQLException when a bind fails
         */
        public void replay(PreparedStatement target) throws SQLException {
            for (int i = 0; i < binds.size(); i++) {
                try {
                    bindMethods.get(i).invoke(target, binds.get(i));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new SQLException("could not replay a bind", e);
                }
            }
        }

        @Override
        public String toString() {
            return rows + " rows: " + sql;
        }
    }

    private final DataSource delegate;
    private final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording = true;

    /** @param delegate the pool whose connections are recorded */
    public CountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** @param on whether statements are recorded from now on (they are from the start) */
    public void recording(boolean on) {
        this.recording = on;
    }

    /** Forgets what was recorded. */
    public void reset() {
        recorded.clear();
    }

    /** @return the statements since the last {@link #reset()} */
    public List<Recorded> statements() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(delegate.getConnection(username, password));
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!recording) {
                        return result;
                    }
                    if (result instanceof PreparedStatement && args != null && args[0] instanceof String) {
                        Recorded r = new Recorded((String) args[0]);
                        recorded.add(r);
                        return wrap(PreparedStatement.class, result, r);
                    }
                    if (result instanceof Statement && !(result instanceof PreparedStatement)) {
                        return statement((Statement) result);
                    }
                    return result;
                });
    }

    /** Plain statements: each executed SQL text is one recorded statement. */
    private Statement statement(Statement target) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    Recorded r = null;
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String) {
                        r = new Recorded((String) args[0]);
                        recorded.add(r);
                    }
                    Object result = invoke(target, method, args);
                    return result instanceof ResultSet && r != null ? wrap(ResultSet.class, result, r) : result;
                });
    }

    private <T> T wrap(Class<T> type, Object target, Recorded r) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (type == PreparedStatement.class && method.getName().startsWith("set") && args != null
                    && args.length >= 2 && args[0] instanceof Integer) {
                r.bindMethods.add(method);
                r.binds.add(args.clone());
            }
            if (type == ResultSet.class && method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                r.rows++;
            }
            if (result instanceof ResultSet && type == PreparedStatement.class) {
                return wrap(ResultSet.class, result, r);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
