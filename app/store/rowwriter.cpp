#include "rowwriter.h"

#include <QCryptographicHash>
#include <QHash>

namespace orgward {

QByteArray RowWriter::rowHash(const Row &row)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const QVariant &v : row.values) {
        if (v.isNull())
            h.addData("\x01N");
        else {
            h.addData("\x01V");
            h.addData(v.toString().toUtf8());
        }
    }
    h.addData("\x02");
    h.addData(row.raw);
    return h.result().toHex();
}

QVariant RowWriter::bind(ColType type, const QVariant &v) const
{
    switch (type) {
    case ColType::Timestamp:
        return m_db.bindTimestamp(v);
    case ColType::Bool:
        return m_db.bindBool(v);
    case ColType::Int:
        return v.isNull() ? QVariant(QMetaType(QMetaType::LongLong)) : v;
    case ColType::Text:
    case ColType::Json:
    case ColType::Decimal:
        return v.isNull() ? QVariant(QMetaType(QMetaType::QString)) : v;
    }
    return v;
}

Result<WriteCounts> RowWriter::upsert(const TableSpec &spec, const QString &orgKey, const QList<Row> &rows,
                                      const QString &passId, qint64 now)
{
    WriteCounts counts;
    if (rows.isEmpty()) return counts;
    const int idIdx = spec.indexOf(spec.idColumn);
    QList<int> scopeIdx;
    for (const QString &s : spec.scopeColumns)
        scopeIdx << spec.indexOf(s);
    const int goneIdx = spec.goneColumn.isEmpty() ? -1 : spec.indexOf(spec.goneColumn);

    // 1. Classify against what is stored: new, changed (hash differs or row had gone), unchanged.
    QHash<QString, QPair<QByteArray, bool>> existing; // id → (hash, was gone)
    // Fixed-size chunks (the last one padded by repeating an id) keep one prepared statement per table.
    constexpr int kLookup = 128;
    QString lookupSql =
        QStringLiteral("SELECT %1, row_hash, %2 FROM %3 WHERE org_key = ?")
            .arg(spec.idColumn, goneIdx >= 0 ? spec.goneColumn : QStringLiteral("NULL"), spec.table);
    for (const QString &scope : spec.scopeColumns)
        lookupSql += QStringLiteral(" AND %1 = ?").arg(scope);
    lookupSql += QStringLiteral(" AND %1 IN (%2)")
                     .arg(spec.idColumn, QStringList(kLookup, QStringLiteral("?")).join(u','));
    for (int from = 0; from < rows.size(); from += kLookup) {
        QVariantList binds{orgKey};
        for (int s = 0; s < scopeIdx.size(); ++s)
            binds << rows[from].values[scopeIdx[s]];
        for (int i = 0; i < kLookup; ++i)
            binds << rows[std::min(from + i, int(rows.size()) - 1)].values[idIdx];
        auto q = m_db.execCached(lookupSql, binds);
        if (!q) return q.error();
        QSqlQuery &rs = **q;
        while (rs.next())
            existing.insert(rs.value(0).toString(), {rs.value(1).toByteArray(), !rs.value(2).isNull()});
        rs.finish();
    }

    // 2. Upsert in multi-row statements. Unchanged rows only get last_seen_pass refreshed.
    QStringList cols{QStringLiteral("org_key")};
    for (const ColumnSpec &c : spec.columns)
        cols << c.name;
    cols << QStringLiteral("raw") << QStringLiteral("row_hash") << QStringLiteral("first_seen_at")
         << QStringLiteral("updated_at") << QStringLiteral("last_seen_pass");
    QStringList sets;
    for (const ColumnSpec &c : spec.columns)
        if (!spec.keyColumns().contains(c.name) && c.name != spec.goneColumn)
            sets << QStringLiteral("%1 = excluded.%1").arg(c.name);
    sets << QStringLiteral("raw = excluded.raw") << QStringLiteral("row_hash = excluded.row_hash")
         << QStringLiteral("updated_at = CASE WHEN %1.row_hash = excluded.row_hash THEN %1.updated_at ELSE "
                           "excluded.updated_at END")
                .arg(spec.table)
         << QStringLiteral("last_seen_pass = excluded.last_seen_pass");
    const QString rowMarks = u'(' + QStringList(cols.size(), QStringLiteral("?")).join(u',') + u')';
    const QString conflict =
        (QStringList{QStringLiteral("org_key")} + spec.keyColumns()).join(QStringLiteral(", "));
    // Full batches share one prepared multi-row statement; the remainder goes row by row through a
    // prepared single-row one. Both stay prepared for the connection's lifetime (Database::execCached).
    const int batch = std::max(1, std::min(64, 3000 / int(cols.size())));
    const QVariant nowTs = m_db.bindTimestamp(now);
    auto statement = [&](int n) {
        return QStringLiteral("INSERT INTO %1 (%2) VALUES %3 ON CONFLICT (%4) DO UPDATE SET %5")
            .arg(spec.table, cols.join(QStringLiteral(", ")), QStringList(n, rowMarks).join(u','), conflict,
                 sets.join(QStringLiteral(", ")) +
                     (goneIdx >= 0 ? QStringLiteral(", %1 = NULL").arg(spec.goneColumn) : QString()));
    };
    const QString batchSql = statement(batch), singleSql = statement(1);
    QVariantList binds;
    binds.reserve(batch * cols.size());
    for (int from = 0; from < rows.size();) {
        const int n = rows.size() - from >= batch ? batch : 1;
        binds.clear();
        for (int i = 0; i < n; ++i) {
            const Row &row = rows[from + i];
            const QByteArray hash = rowHash(row);
            const auto it = existing.constFind(row.values[idIdx].toString());
            if (it == existing.cend())
                ++counts.added;
            else if (it->first != hash || it->second)
                ++counts.changed;
            else
                ++counts.unchanged;
            binds << orgKey;
            for (int c = 0; c < spec.columns.size(); ++c) {
                if (c == goneIdx)
                    binds << bind(ColType::Timestamp, QVariant()); // reappearance clears it
                else
                    binds << bind(spec.columns[c].type, row.values[c]);
            }
            binds << (spec.keepsRaw ? QVariant(QString::fromUtf8(row.raw))
                                    : QVariant(QMetaType(QMetaType::QString)))
                  << QString::fromLatin1(hash) << nowTs << nowTs << passId;
        }
        if (auto r = m_db.execCached(n == batch ? batchSql : singleSql, binds); !r) return r.error();
        from += n;
    }
    return counts;
}

Result<qint64> RowWriter::markGone(const TableSpec &spec, const QString &orgKey,
                                   const QVariantList &scopeValues, const QString &passId, qint64 now)
{
    if (spec.goneColumn.isEmpty()) return qint64(0);
    QString sql = QStringLiteral("UPDATE %1 SET %2 = ?, updated_at = ? WHERE org_key = ? AND %2 IS NULL "
                                 "AND (last_seen_pass IS NULL OR last_seen_pass <> ?)")
                      .arg(spec.table, spec.goneColumn);
    const QVariant ts = m_db.bindTimestamp(now);
    QVariantList binds{ts, ts, orgKey, passId};
    for (int i = 0; i < spec.scopeColumns.size(); ++i) {
        sql += QStringLiteral(" AND %1 = ?").arg(spec.scopeColumns[i]);
        binds << scopeValues.value(i);
    }
    auto q = m_db.exec(sql, binds);
    if (!q) return q.error();
    return qint64(q->numRowsAffected());
}

} // namespace orgward
