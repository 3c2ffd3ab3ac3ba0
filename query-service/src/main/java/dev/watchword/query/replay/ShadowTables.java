package dev.watchword.query.replay;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The shadow copy of a read model: a schema of its own holding empty tables shaped like the live ones, same
 * names, same columns, defaults, checks and keys. Because the names match, the projection's own unqualified SQL
 * writes there when the shadow schema is the search path, and the switch-over is two {@code ALTER TABLE ... SET
 * SCHEMA} per table: the live tables move out to a retired schema, the shadow tables move in, indexes and
 * constraints with them, under their original names (later migrations may name them).
 * <p>
 * Only the keys exist while the log is applied ({@code on conflict} needs them); the other indexes are built
 * once, just before the switch-over, which is much faster than maintaining them row by row.
 * <p>
 * Every identifier put into SQL here is either generated ({@code replay_<hex>}), a constant of a projection's
 * {@link dev.watchword.query.eventstream.ReadModel} declaration, or read from the catalog, and is quoted.
 */
@Repository
class ShadowTables {

    private static final Pattern GENERATED_SCHEMA = Pattern.compile("replay_[0-9a-f]{12}(_retired)?");

    private final JdbcClient jdbc;
    private volatile String liveSchema;

    ShadowTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The schema of the live read models: {@code query}, or the tests' own. Asked once, by the first replay's
     * start (outside any shadow transaction, whose search path is the shadow), once Flyway has created it.
     */
    String liveSchema() {
        String schema = liveSchema;
        if (schema == null) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                throw new IllegalStateException("The live schema is asked for inside a transaction");
            }
            schema = jdbc.sql("select current_schema()").query(String.class).single();
            liveSchema = schema;
        }
        return schema;
    }

    void create(String live, String shadow, List<String> tables) {
        requireGenerated(shadow);
        jdbc.sql("create schema " + quote(shadow)).update();
        for (String table : tables) {
            String source = quote(live) + "." + quote(table);
            String target = quote(shadow) + "." + quote(table);
            if (jdbc.sql("select count(*) from pg_constraint where conrelid = cast(:table as regclass) "
                                    + "and contype = 'f'")
                            .param("table", source)
                            .query(Long.class)
                            .single()
                    > 0) {
                // A foreign key would point at a live table, or need the other side shadowed too.
                throw new IllegalStateException(table + " has a foreign key; a replay cannot shadow it");
            }
            jdbc.sql("create table " + target + " (like " + source + " including defaults including constraints"
                            + " including generated including identity including storage including comments)")
                    .update();
            // Primary keys and unique constraints now: the projections' "on conflict" needs them.
            jdbc.sql("""
                            select conname, pg_get_constraintdef(oid) from pg_constraint
                            where conrelid = cast(:table as regclass) and contype in ('p', 'u', 'x')
                            order by conname""")
                    .param("table", source)
                    .query((row, number) -> "alter table " + target + " add constraint " + quote(row.getString(1)) + " "
                            + row.getString(2))
                    .list()
                    .forEach(ddl -> jdbc.sql(ddl).update());
        }
    }

    /** Builds the live tables' other indexes on the shadow, under their live names, and gathers statistics. */
    void createIndexes(String live, String shadow, List<String> tables) {
        requireGenerated(shadow);
        for (String table : tables) {
            String source = quote(live) + "." + quote(table);
            String target = quote(shadow) + "." + quote(table);
            List<String> definitions =
                    jdbc.sql("""
                            select pg_get_indexdef(i.indexrelid) from pg_index i
                            where i.indrelid = cast(:table as regclass)
                              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""").param("table", source).query(String.class).list();
            for (String definition : definitions) {
                jdbc.sql(onShadow(definition, live, table, shadow)).update();
            }
            jdbc.sql("analyze " + target).update();
        }
    }

    /**
     * In the caller's transaction: the live tables move to {@code retired}, the shadow's take their place.
     * Each {@code ALTER TABLE} waits for the reads running on its table and holds later ones until the commit.
     */
    void swap(String live, String shadow, String retired, List<String> tables) {
        requireGenerated(shadow);
        requireGenerated(retired);
        jdbc.sql("create schema " + quote(retired)).update();
        for (String table : tables) {
            jdbc.sql("alter table " + quote(live) + "." + quote(table) + " set schema " + quote(retired))
                    .update();
            jdbc.sql("alter table " + quote(shadow) + "." + quote(table) + " set schema " + quote(live))
                    .update();
        }
        jdbc.sql("drop schema " + quote(shadow)).update();
    }

    void drop(String schema) {
        requireGenerated(schema);
        jdbc.sql("drop schema if exists " + quote(schema) + " cascade").update();
    }

    /**
     * {@code CREATE INDEX name ON live.table USING ...} as PostgreSQL prints it (always schema-qualified), made to
     * build the same index on the shadow table.
     */
    static String onShadow(String definition, String live, String table, String shadow) {
        String on = " ON " + quote(live) + "." + quote(table) + " USING ";
        String plainOn = " ON " + live + "." + table + " USING ";
        String target = " ON " + quote(shadow) + "." + quote(table) + " USING ";
        if (definition.contains(on)) {
            return definition.replace(on, target);
        }
        if (definition.contains(plainOn)) {
            return definition.replace(plainOn, target);
        }
        throw new IllegalStateException("Unexpected index definition on " + table + ": " + definition);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void requireGenerated(String schema) {
        if (!GENERATED_SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a replay schema: " + schema);
        }
    }
}
