/**
 * SQLite implementations of the core's store interfaces. {@link dev.drillbot.adapter.store.Database}
 * owns the file (WAL, foreign keys, durable group commits, Flyway migrations in
 * {@code db/migration}); schema changes are new numbered migration files, never edits.
 */
package dev.drillbot.adapter.store;
