#pragma once
// Forward-only, versioned migrations recorded in schema_migrations and applied on open. Each step is
// written once in a small portable DDL and rendered for SQLite and PostgreSQL, so both engines get the
// same logical schema (tables, columns, unique keys) with each engine's proper types.
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace orgward {

class Database;

enum class SqlType
{
    Text,
    BigInt,
    Timestamp,
    Bool,
    Json,
    Money
};

struct ColumnDef
{
    QString name;
    SqlType type;
    bool notNull = false;
    QString defaultSql; // portable literal, e.g. "0"
};

struct TableDef
{
    QString name;
    QList<ColumnDef> columns;
    QStringList primaryKey;
    QList<QStringList> uniques;
};

struct Migration
{
    int version;
    QString name;
    std::function<Status(Database &)> apply;
};

class Migrations
{
public:
    static const QList<Migration> &all();
    static int latestVersion();
    static Status apply(Database &db);
    static Result<int> currentVersion(Database &db);

    static QString render(const TableDef &t, bool postgres);
    static QString typeName(SqlType t, bool postgres);
};

} // namespace orgward
