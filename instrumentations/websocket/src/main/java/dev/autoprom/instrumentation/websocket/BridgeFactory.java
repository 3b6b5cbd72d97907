package dev.autoprom.instrumentation.websocket;

import dev.autoprom.api.BridgeClasses;
import java.lang.reflect.Constructor;

/**
 * Creates listener bridges: {@code new Bridge(Object applicationListener, WsConnection connection)} for a bridge
 * class loaded next to the library (see {@link BridgeClasses}). The constructor is looked up once per library
 * class loader; a connection costs one reflective call.
 */
public final class BridgeFactory {

    private final String bridgeClassName;
    private final ClassValue<Constructor<?>> constructors = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> anchor) {
            try {
                return BridgeClasses.load(anchor, bridgeClassName).getConstructor(Object.class, WsConnection.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load " + bridgeClassName, e);
            }
        }
    };

    public BridgeFactory(String bridgeClassName) {
        this.bridgeClassName = bridgeClassName;
    }

    /** The bridge wrapping {@code listener}; throws if it cannot be made (callers fall back to the original). */
    public Object wrap(Class<?> anchor, Object listener, WsConnection connection) throws ReflectiveOperationException {
        return constructors.get(anchor).newInstance(listener, connection);
    }
}
