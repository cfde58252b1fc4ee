package io.photonfarm.coordinator.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few reusable JDBC connections to one database. Hazelcast calls a map store from several
 * partition threads at once; each call borrows a connection for its duration. Connections are
 * opened on demand and at most {@code idle} are kept; one that failed is closed, not reused.
 */
final class ConnectionPool implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    ConnectionPool(String url, String user, String password, int idle) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.idle = new ArrayBlockingQueue<>(idle);
    }

    /** A connection in auto-commit mode; give it back with {@link #release} or {@link #discard}. */
    Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("connection pool for " + url + " is closed");
        }
        Connection c = idle.poll();
        return c != null ? c : DriverManager.getConnection(url, user, password);
    }

    void release(Connection c) throws SQLException {
        if (closed || !idle.offer(c)) {
            c.close();
        }
    }

    /** Closes a connection whose last use failed: its state is unknown. */
    void discard(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Already broken; nothing more to do with it.
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            discard(c);
        }
    }
}
