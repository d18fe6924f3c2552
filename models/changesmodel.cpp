#include "changesmodel.h"

#include "core/csvwriter.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace orgward {

namespace {
constexpr QChar kArrow = u'\u2192';

QString localTime(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs).toLocalTime().toString(
                          QStringLiteral("yyyy-MM-dd HH:mm"))
                    : QString();
}

QString utcTime(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate) : QString();
}
} // namespace

ChangesModel::ChangesModel(QObject *parent) : QAbstractItemModel(parent) {}

void ChangesModel::setChanges(const QList<EntityChange> &changes)
{
    beginResetModel();
    m_groups.clear();
    m_count = changes.size();
    for (const HistoryEntity &e : historyEntities()) {
        Group g{e, {}};
        for (const EntityChange &c : changes)
            if (c.entity.table == e.table) g.changes << c;
        if (!g.changes.isEmpty()) m_groups << g;
    }
    // An entity historyEntities() does not list (a newer core): its own group, after the known ones.
    for (const EntityChange &c : changes) {
        if (historyEntity(c.entity.table)) continue;
        auto it = std::find_if(m_groups.begin(), m_groups.end(),
                               [&c](const Group &g) { return g.entity.table == c.entity.table; });
        if (it == m_groups.end()) {
            m_groups << Group{c.entity, {}};
            it = m_groups.end() - 1;
        }
        it->changes << c;
    }
    endResetModel();
}

const EntityChange *ChangesModel::changeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0) return nullptr;
    const auto g = qsizetype(index.internalId() - 1);
    if (g >= m_groups.size() || index.row() >= m_groups[g].changes.size()) return nullptr;
    return &m_groups[g].changes[index.row()];
}

QModelIndex ChangesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_groups.size()) return {};
    if (row >= m_groups[parent.row()].changes.size()) return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ChangesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0) return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) return int(m_groups.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_groups.size()) return 0;
    return int(m_groups[parent.row()].changes.size());
}

int ChangesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString ChangesModel::valueText(const QString &field, const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined()) return QStringLiteral("\u2014");
    if (v.isBool()) return v.toBool() ? tr("yes") : tr("no");
    const bool instant = field.endsWith(QLatin1String("_at")) || field == u"created";
    if (v.isDouble())
        return instant ? localTime(qint64(v.toDouble())) : QString::number(v.toDouble(), 'g', 16);
    if (instant && v.isString()) // an instant (ISO 8601) reads as the console's other times do
        if (const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate); t.isValid())
            return localTime(t.toSecsSinceEpoch());
    if (v.isArray()) {
        QStringList items;
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a)
            items << (e.isString() ? e.toString()
                      : e.isObject()
                          ? QString::fromUtf8(QJsonDocument(e.toObject()).toJson(QJsonDocument::Compact))
                          : e.toVariant().toString());
        return QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
    }
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.toString();
}

QString ChangesModel::fieldsText(const EntityChange &c)
{
    QStringList parts;
    for (const auto &[field, before, after] : c.fields)
        parts << QStringLiteral("%1: %2 %3 %4")
                     .arg(field, valueText(field, before), kArrow, valueText(field, after));
    return parts.join(QStringLiteral("; "));
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this) return {};
    if (index.internalId() == 0) {
        if (index.row() >= m_groups.size()) return {};
        const Group &g = m_groups[index.row()];
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == Name
                       ? QVariant(QStringLiteral("%1 (%2)").arg(g.entity.label).arg(g.changes.size()))
                       : QVariant();
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case SortRole:
            return index.row();
        case EntityTableRole:
            return g.entity.table;
        case EntityLabelRole:
            return g.entity.label;
        default:
            return {};
        }
    }
    const EntityChange *c = changeAt(index);
    if (!c) return {};
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case Name:
            return c->name;
        case Change:
            return changeText(c->change);
        case Fields:
            return fieldsText(*c);
        case ObservedAt:
            return role == SortRole ? QVariant(c->observedAt) : QVariant(localTime(c->observedAt));
        case HappenedAt:
            return role == SortRole ? QVariant(c->happenedAt) : QVariant(localTime(c->happenedAt));
        case Evidence:
            return c->evidence.join(QStringLiteral(", "));
        case Id:
            return c->id;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Fields: {
            QStringList lines;
            for (const auto &[field, before, after] : c->fields)
                lines << QStringLiteral("%1: %2 %3 %4")
                             .arg(field, valueText(field, before), kArrow, valueText(field, after));
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
        }
        case ObservedAt:
            return c->observedAt > 0
                       ? QVariant(tr("Orgward saw this at %1 (UTC)").arg(utcTime(c->observedAt)))
                       : QVariant();
        case HappenedAt:
            return c->happenedAt > 0
                       ? QVariant(
                             tr("The API or its audit log dates this %1 (UTC)").arg(utcTime(c->happenedAt)))
                       : QVariant(tr("Not known: no audit event or API date explains it"));
        case Evidence:
            return c->evidence.isEmpty() ? QVariant() : QVariant(c->evidence.join(u'\n'));
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() != Change) return {};
        if (c->change == ChangeKind::Added || c->change == ChangeKind::Reappeared)
            return QColor(0x1b, 0x7a, 0x33);
        if (c->change == ChangeKind::Removed) return QColor(0xb0, 0x24, 0x18);
        return {};
    case EntityTableRole:
        return c->entity.table;
    case RowKeyRole:
        return c->id;
    default:
        return {};
    }
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name:
        return tr("Entity / name");
    case Change:
        return tr("Change");
    case Fields:
        return tr("Fields");
    case ObservedAt:
        return tr("Observed at");
    case HappenedAt:
        return tr("Happened at");
    case Evidence:
        return tr("Evidence (audit events)");
    case Id:
        return tr("ID");
    }
    return {};
}

// Filter -----------------------------------------------------------------------------------------
ChangesFilterModel::ChangesFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ChangesModel::SortRole);
    setDynamicSortFilter(true);
}

void ChangesFilterModel::setFilterWords(const QString &text)
{
    if (text == m_text) return;
    m_text = text;
    m_words = text.split(u' ', Qt::SkipEmptyParts);
    invalidateFilter();
}

QVariant ChangesFilterModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && !m_words.isEmpty() && index.isValid() && index.column() == 0 &&
        !index.parent().isValid()) {
        const QModelIndex source = mapToSource(index);
        return tr("%1 (%2 of %3)")
            .arg(source.data(ChangesModel::EntityLabelRole).toString())
            .arg(rowCount(index))
            .arg(sourceModel()->rowCount(source));
    }
    return QSortFilterProxyModel::data(index, role);
}

int ChangesFilterModel::shownChanges() const
{
    int n = 0;
    for (int g = 0; g < rowCount(); ++g)
        n += rowCount(index(g, 0));
    return n;
}

bool ChangesFilterModel::changeMatches(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty()) return true;
    const QAbstractItemModel *m = sourceModel();
    QStringList cells{sourceParent.data().toString()}; // the entity's label
    for (int c = 0; c < m->columnCount(sourceParent); ++c)
        cells << m->index(sourceRow, c, sourceParent).data().toString();
    const QString all = cells.join(u'\n');
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&all](const QString &w) { return all.contains(w, Qt::CaseInsensitive); });
}

bool ChangesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid()) return changeMatches(sourceRow, sourceParent);
    // A group is shown while any of its changes is.
    const QModelIndex group = sourceModel()->index(sourceRow, 0);
    const int n = sourceModel()->rowCount(group);
    for (int r = 0; r < n; ++r)
        if (changeMatches(r, group)) return true;
    return false;
}

bool ChangesFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Groups keep the entity order whichever way the changes are sorted.
    if (!left.parent().isValid())
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    const QVariant l = left.data(sortRole()), r = right.data(sortRole());
    if (l.userType() == QMetaType::LongLong || l.userType() == QMetaType::Int)
        return l.toLongLong() < r.toLongLong();
    return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
}

// CSV --------------------------------------------------------------------------------------------
Result<qint64> writeChangesCsv(const QList<EntityChange> &changes, const QString &path)
{
    CsvFile file(path);
    if (auto o = file.open(); !o) return o.error();
    if (auto w = file.writeRecord({QStringLiteral("entity"), QStringLiteral("name"), QStringLiteral("id"),
                                   QStringLiteral("change"), QStringLiteral("fields"),
                                   QStringLiteral("observed_at"), QStringLiteral("happened_at"),
                                   QStringLiteral("evidence")});
        !w)
        return w.error();
    qint64 rows = 0;
    for (const EntityChange &c : changes) {
        // Field values as JSON text in the file: exact, whatever the reader's time zone.
        QStringList fields;
        for (const auto &[field, before, after] : c.fields) {
            auto json = [](const QJsonValue &v) {
                if (v.isString()) return v.toString();
                if (v.isNull() || v.isUndefined()) return QStringLiteral("null");
                return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                    .mid(1)
                    .chopped(1);
            };
            fields << QStringLiteral("%1: %2 -> %3").arg(field, json(before), json(after));
        }
        if (auto w = file.writeRecord({c.entity.name, c.name, c.id, changeText(c.change),
                                       fields.join(QStringLiteral("; ")), utcTime(c.observedAt),
                                       utcTime(c.happenedAt), c.evidence.join(QStringLiteral(" "))});
            !w)
            return w.error();
        ++rows;
    }
    if (auto c = file.commit(); !c) return c.error();
    return rows;
}

} // namespace orgward
