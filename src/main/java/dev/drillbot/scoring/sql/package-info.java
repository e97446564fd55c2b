/**
 * The SQL track's grader. An answer is reduced to its query ({@code AnswerText}), checked by a lexical
 * pre-filter ({@code SqlGate}), rewritten from PostgreSQL/Redshift habits into SQLite ({@code Dialect},
 * {@code PgFunctions}) and run on a private in-memory copy of every dataset of the question
 * ({@code Sandbox}); the rows are compared with the reference's as bags ({@code Comparison}). The
 * hostile-input rules and their reasons are in docs/sql-dialect.md and DESIGN.md section 6.
 */
package dev.drillbot.scoring.sql;
