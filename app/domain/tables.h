#pragma once
// What the store keeps for each synced table: column names and logical types, the scope columns that
// partition a "complete list" (e.g. project_id), the id column, and the soft-delete column.
// Every synced table also has the bookkeeping columns org_key, raw, row_hash, first_seen_at,
// updated_at and last_seen_pass (see store/migrations.cpp).
#include "endpoint.h"

#include <QHash>
#include <QList>
#include <QVariantList>

namespace orgward {

enum class ColType
{
    Text,
    Int,
    Timestamp,
    Bool,
    Json,
    Decimal
};

struct ColumnSpec
{
    QString name;
    ColType type;
};

struct TableSpec
{
    QString table;
    QList<ColumnSpec> columns; // includes scope and id columns, excludes bookkeeping
    QStringList scopeColumns;  // columns (besides org_key) that bound a complete list
    QString idColumn;
    QString goneColumn; // deleted_at / removed_at; empty for append-only history
    bool keepsRaw = true;

    int indexOf(const QString &column) const { return m_index.value(column, -1); }
    // A single-object table's id is its scope column (one row per project, "" for the org's own).
    QStringList keyColumns() const
    {
        return scopeColumns.contains(idColumn) ? scopeColumns : scopeColumns + QStringList{idColumn};
    }
    void finalize();

private:
    QHash<QString, int> m_index;
};

// One parsed object, values in TableSpec::columns order; a null QVariant is SQL NULL.
// Timestamps are qint64 Unix seconds, booleans bool, decimals canonical decimal strings, JSON compact text.
struct Row
{
    QVariantList values;
    QByteArray raw; // the object exactly as received (compact JSON), unknown fields included
};

const TableSpec &tableSpec(EndpointKind kind);
// The kinds whose rows live under one row of `parent` (Projects, Groups, Users), fetched per parent.
QList<EndpointKind> childKinds(EndpointKind parent);
const TableSpec &certificateEventsSpec();
QList<const TableSpec *> allSyncedTables();
QStringList usageMetricColumns();
// Usage dimensions stored as columns (every group_by value of every kind).
QStringList usageDimensionColumns();

} // namespace orgward
