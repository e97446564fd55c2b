/**
 * The SQL track's grader. An answer is reduced to its query ({@code AnswerText}), checked by a lexical
 * pre-filter ({@code SqlGate}), given the few rewrites DuckDB needs to read Redshift/PostgreSQL
 * ({@code DuckDialect}, {@code FormatPicture}) and run in a separate grading process
 * ({@code WorkerPool} -> {@code GraderWorker}) on a read-only DuckDB copy of every dataset of the
 * question ({@code DuckSandbox}); the rows are compared with the reference's as bags
 * ({@code Comparison}). The bank's datasets are built by SQLite from their INSERTs ({@code Sandbox},
 * trusted SQL only) and typed ({@code DatasetTables}, {@code DateColumns}). Why DuckDB, and the
 * measurements: docs/sql-engine.md; the dialect and its limits: docs/sql-dialect.md.
 */
package dev.drillbot.scoring.sql;
