package dev.drillbot.adapter.store;

/** A database failure, unchecked so that it can cross the core's store interfaces. */
public final class StoreException extends RuntimeException {
    public StoreException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
