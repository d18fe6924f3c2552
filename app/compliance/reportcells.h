#pragma once
// What the report builders share (issue #14): reading the entity rows ReportSource gives (JSON objects from
// row history: instants as ISO 8601 UTC text, null when unknown) and making report cells of them (QVariant:
// QString, qint64, bool or null), plus a deterministic row order.
#include "compliance/report.h"

#include <QHash>
#include <QJsonObject>

namespace orgward::reportcells {

QString text(const QJsonObject &o, const QString &key);
qint64 secs(const QJsonObject &o, const QString &key); // Unix seconds (ISO text or a number); 0 when null
bool flag(const QJsonObject &o, const QString &key);   // false when null or missing

QVariant textCell(const QString &s); // null when empty
QVariant dateCell(qint64 secs);      // "yyyy-MM-dd" UTC; null when 0
QVariant numberCell(qint64 n);

// Whole days from `from` to `to`, rounded down (negative when `to` is earlier).
qint64 wholeDays(qint64 from, qint64 to);

// key column value → row (the last row wins when two share a value).
QHash<QString, QJsonObject> indexBy(const QList<QJsonObject> &rows, const QString &key);

// Sorts rows by the text of the given columns, case-insensitively first and then exactly, so the order never
// depends on the order rows were read in (the last column given should be an id).
void sortRows(QList<QVariantList> &rows, const QList<int> &columns);

// "a, b, c" of the distinct non-empty values, sorted case-insensitively.
QString joinedSorted(QStringList values);

} // namespace orgward::reportcells
