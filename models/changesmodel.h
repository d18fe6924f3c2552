#pragma once
// What changed in an organization between two instants (issue #13), as the Changes pane shows it: a tree
// with one group per entity (Members, Projects, …) and one row per added, removed or changed object under
// it. The changes come from diffBetween() (compliance/history.h), computed off the GUI thread by the pane;
// this model only holds and shows them. ChangesFilterModel keeps the rows whose text holds every word typed.
#include "compliance/history.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

namespace orgward {

class ChangesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name, // the group's label on group rows
        Change,
        Fields,
        ObservedAt,
        HappenedAt,
        Evidence,
        Id,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1, // numbers for the time columns, text otherwise
        EntityTableRole,             // the change's (or group's) entity table
        RowKeyRole,                  // the changed row's key (change rows only)
        EntityLabelRole,             // the entity's label ("Members"), group rows only
    };
    explicit ChangesModel(QObject *parent = nullptr);

    // Replaces every change (kept in the order given, grouped by entity in historyEntities() order).
    void setChanges(const QList<EntityChange> &changes);
    void clear() { setChanges({}); }
    int changeCount() const { return int(m_count); }
    // The change a change row shows (nullptr for a group row or an invalid index).
    const EntityChange *changeAt(const QModelIndex &index) const;
    // Changes per entity, as the groups show them.
    int groupCount() const { return int(m_groups.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "role: reader → owner; name: Ann → Anne" (a changed row's fields; empty for others).
    static QString fieldsText(const EntityChange &change);
    // One value as the pane shows it: instants ("*_at" fields, Unix seconds or ISO 8601) as local date and
    // time, strings as they are, lists joined, null as "—".
    static QString valueText(const QString &field, const QJsonValue &value);

private:
    struct Group
    {
        HistoryEntity entity;
        QList<EntityChange> changes;
    };
    QList<Group> m_groups;
    qsizetype m_count = 0;
};

// Filters a ChangesModel by words (each must appear in some column of the change or its entity's label)
// and sorts changes within their groups; groups stay in entity order.
class ChangesFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ChangesFilterModel(QObject *parent = nullptr);
    void setFilterWords(const QString &text);
    QString filterWords() const { return m_text; }
    // Changes shown (group rows not counted).
    int shownChanges() const;
    // A group row names how many of its changes are shown while a filter is set: "Members (1 of 4)".
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool changeMatches(int sourceRow, const QModelIndex &sourceParent) const;
    QString m_text;
    QStringList m_words;
};

// Writes changes as CSV (core/csvwriter.h): entity, name, id, change, fields, observed at, happened at
// (UTC ISO-8601) and evidence. Returns the rows written. Any thread (no database).
Result<qint64> writeChangesCsv(const QList<EntityChange> &changes, const QString &path);

} // namespace orgward
