package io.photonfarm.coordinator.store;

import com.hazelcast.map.MapLoader;
import com.hazelcast.map.MapStoreFactory;
import java.util.Properties;

/**
 * Makes the {@link JdbcMapStore} of a map on each member, from the properties that
 * {@link Durability#mapStoreConfig} writes. Hazelcast instantiates it by class name.
 */
public final class JdbcMapStoreFactory implements MapStoreFactory<Object, Object> {
    static final String URL = "jdbc.url";
    static final String USER = "jdbc.user";
    static final String PASSWORD = "jdbc.password";
    static final String KEY_TYPE = "key.type";
    static final String VALUE_TYPE = "value.type";

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // the types come in as class names
    public MapLoader<Object, Object> newMapStore(String mapName, Properties p) {
        Durability durability = new Durability(p.getProperty(URL), p.getProperty(USER), p.getProperty(PASSWORD));
        return new JdbcMapStore(mapName, durability, type(mapName, p, KEY_TYPE), type(mapName, p, VALUE_TYPE));
    }

    private static Class<?> type(String mapName, Properties p, String property) {
        String name = p.getProperty(property);
        try {
            return Class.forName(name, false, JdbcMapStoreFactory.class.getClassLoader());
        } catch (ClassNotFoundException | NullPointerException e) {
            throw new IllegalStateException("map store for " + mapName + ": " + property + " '" + name
                    + "' is not a class on the classpath", e);
        }
    }
}
