#include "reportcells.h"

#include "core/clock.h"

#include <QDateTime>
#include <QJsonValue>
#include <algorithm>

namespace orgward::reportcells {

namespace {
// Separates sort fields: below every printable character, so "ab" + sep sorts before "abc".
constexpr QChar kFieldSeparator = QChar(0x1f);
} // namespace

QString text(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}

qint64 secs(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble()) return v.toInteger();
    if (!v.isString()) return 0;
    // statesAsOf() gives instants as ISO 8601 UTC text ("2026-11-20T00:00:00Z").
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

bool flag(const QJsonObject &o, const QString &key)
{
    return o.value(key).toBool(false);
}

QVariant textCell(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariant dateCell(qint64 s)
{
    if (s == 0) return {};
    return QDateTime::fromSecsSinceEpoch(s, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

QVariant numberCell(qint64 n)
{
    return QVariant::fromValue(n);
}

qint64 wholeDays(qint64 from, qint64 to)
{
    const qint64 d = to - from;
    // Round towards minus infinity: a certificate that expired an hour ago has -1 days left, not 0.
    return d >= 0 ? d / kSecondsPerDay : -((-d + kSecondsPerDay - 1) / kSecondsPerDay);
}

QHash<QString, QJsonObject> indexBy(const QList<QJsonObject> &rows, const QString &key)
{
    QHash<QString, QJsonObject> out;
    out.reserve(rows.size());
    for (const QJsonObject &r : rows)
        out.insert(r.value(key).toString(), r);
    return out;
}

void sortRows(QList<QVariantList> &rows, const QList<int> &columns)
{
    QList<QPair<QString, qsizetype>> keys;
    keys.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QString folded, exact;
        for (int c : columns) {
            const QString v = rows[i].value(c).toString();
            folded += v.toCaseFolded() + kFieldSeparator;
            exact += v + kFieldSeparator;
        }
        keys.append({folded + kFieldSeparator + exact, i});
    }
    std::sort(keys.begin(), keys.end());
    QList<QVariantList> sorted;
    sorted.reserve(rows.size());
    for (const auto &k : std::as_const(keys))
        sorted.append(std::move(rows[k.second]));
    rows = std::move(sorted);
}

QString joinedSorted(QStringList values)
{
    values.removeAll(QString());
    values.removeDuplicates();
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) {
        const int c = QString::compare(a, b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    return values.join(QStringLiteral(", "));
}

} // namespace orgward::reportcells
