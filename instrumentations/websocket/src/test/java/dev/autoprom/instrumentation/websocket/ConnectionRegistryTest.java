package dev.autoprom.instrumentation.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionRegistryTest {

    @Test
    void findsEachKeyByIdentityAndForgetsRemovedOnes() {
        ConnectionRegistry registry = new ConnectionRegistry();
        List<Object> keys = new ArrayList<>();
        List<WsConnection> connections = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Object key = new String("client"); // equal but distinct: identity must decide
            WsConnection connection = WsConnection.connecting("test", "registry.example");
            keys.add(key);
            connections.add(connection);
            registry.put(key, connection);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(registry.get(keys.get(i))).isSameAs(connections.get(i));
        }
        for (int i = 0; i < keys.size(); i += 2) {
            registry.remove(keys.get(i));
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(registry.get(keys.get(i))).isSameAs(i % 2 == 0 ? null : connections.get(i));
        }
        assertThat(registry.get(new String("client"))).isNull();
        assertThat(registry.get(null)).isNull();
    }

    @Test
    void putReplacesTheConnectionOfAKey() {
        ConnectionRegistry registry = new ConnectionRegistry();
        Object key = new Object();
        WsConnection first = WsConnection.connecting("test", "registry.example");
        WsConnection second = WsConnection.connecting("test", "registry.example");
        registry.put(key, first);
        registry.put(key, second);
        assertThat(registry.get(key)).isSameAs(second);
    }
}
