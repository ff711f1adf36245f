package dev.dbpick.project;

import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.Library;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which catalog library a distribution name is, and which database it says a project runs on.
 * Both come from the catalog ({@code data/catalog/*.yaml}): a library's id is its package name,
 * and its {@code databases}, {@code kinds} and {@code deployment} tell which database using it
 * implies. The tables here hold only what the catalog cannot say: other distributions of a
 * catalog library (psycopg2-binary is psycopg2) and packages outside the catalog that name a
 * database (hiredis is a Redis parser).
 */
final class PackageNames {

    /** Other distributions of the same library. */
    private static final Map<String, String> SAME_LIBRARY = Map.of(
            "psycopg2-binary", "psycopg2",
            "psycopg-binary", "psycopg",
            "psycopg-c", "psycopg",
            "psycopg-pool", "psycopg",
            "kafka-python-ng", "kafka-python",
            "sqlcipher3-binary", "sqlcipher3",
            "sqlcipher3-wheels", "sqlcipher3",
            "mysql-connector", "mysql-connector-python");

    /** Packages outside the catalog whose use means a database. */
    private static final Map<String, String> DATABASE_HINTS = Map.of(
            "aioredis", "redis",
            "hiredis", "redis",
            "redis-py-cluster", "redis",
            "python-memcached", "memcached",
            "psycopg2cffi", "postgresql",
            "django-mysql", "mysql",
            "clickhouse-sqlalchemy", "clickhouse",
            "pysqlite3-binary", "sqlite");

    /** Catalog libraries whose use says nothing about a database: the AWS SDK serves S3 far more often than DynamoDB. */
    private static final List<String> NO_DATABASE = List.of("boto3", "aioboto3");

    private final Map<String, Library> byName = new HashMap<>();

    PackageNames(Catalog catalog) {
        for (Library library : catalog.libraries()) {
            if (!"stdlib".equals(library.install())) {
                byName.put(Requirement.normalize(library.id()), library);
            }
        }
        SAME_LIBRARY.forEach((name, id) -> catalog.find(id).ifPresent(l -> byName.putIfAbsent(name, l)));
    }

    /** The catalog library a (normalized) distribution name is. */
    Optional<Library> library(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The database that depending on this package means: a driver's first database; the only
     * one of a library that has one, unless it is a cache that can keep its data elsewhere
     * (diskcache keeps an SQLite file of its own; cashews can cache in memory); a hint from
     * {@link #DATABASE_HINTS}.
     */
    Optional<String> database(String name) {
        Library library = byName.get(name);
        if (library == null) {
            return Optional.ofNullable(DATABASE_HINTS.get(name));
        }
        if (NO_DATABASE.contains(library.id()) || library.databases().isEmpty()) {
            return Optional.empty();
        }
        if (library.kinds().contains("driver")) {
            return Optional.of(library.databases().get(0));
        }
        boolean single = library.databases().size() == 1;
        if (single && ("server".equals(library.deployment()) || !library.kinds().contains("cache"))) {
            return Optional.of(library.databases().get(0));
        }
        return Optional.empty();
    }

    /** Whether a catalog library is an asyncio-only one (no synchronous API), so depending on it means asyncio code. */
    boolean asyncOnly(String name) {
        Library library = byName.get(name);
        return library != null && !library.async().syncApi()
                && ("native".equals(library.async().kind()) || "bridge".equals(library.async().kind()));
    }
}
