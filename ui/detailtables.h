#pragma once
// The detail tables beside a pane's table, in the present and as of a past instant (issue #13). Each page
// stacks the live DetailTableModel's view and its AsOfDetailModel's: while the pane's AsOfController names a
// past instant the as-of view shows (the selected row's children as they were then), "now" shows the live
// one again. Selecting a row reads only the tables shown.
#include "models/detailmodels.h"

#include <QObject>

class QStackedWidget;

namespace orgward {
class AsOfController;
class AsOfDetailModel;

class DetailTables : public QObject
{
    Q_OBJECT
public:
    DetailTables(Database &db, AsOfController *asOf, QObject *parent);
    // A page (a tab, or a detail area) with kind's table: views named name for screen readers and objectName
    // for tests (the as-of view objectName + "AsOf").
    QWidget *add(DetailTableModel::Kind kind, const QString &name, const QString &objectName,
                 QWidget *parent);
    int count() const { return int(m_live.size()); }
    DetailTableModel *live(int i) const { return m_live.value(i); }
    AsOfDetailModel *asOf(int i) const { return m_past.value(i); }
    // What page i shows: the live table, or the as-of one while the instant is past.
    SqlTableModel *shown(int i) const;
    // Shows the children of id (empty: none) in org in the shown tables.
    void showParent(const QString &orgKey, const QString &id);
    void refresh();

private:
    bool isPast() const;
    void applyAsOf();
    Database &m_db;
    AsOfController *m_asOf;
    QList<DetailTableModel *> m_live;
    QList<AsOfDetailModel *> m_past;
    QList<QStackedWidget *> m_pages;
};

} // namespace orgward
