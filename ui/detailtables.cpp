#include "detailtables.h"

#include "asofbar.h"
#include "models/asofdetailmodel.h"
#include "tablepane.h"

#include <QStackedWidget>
#include <QTableView>

namespace orgward {

namespace {
constexpr int kLivePage = 0;
constexpr int kAsOfPage = 1;
} // namespace

DetailTables::DetailTables(Database &db, AsOfController *asOf, QObject *parent)
    : QObject(parent), m_db(db), m_asOf(asOf)
{
    connect(asOf, &AsOfController::changed, this, &DetailTables::applyAsOf);
}

QWidget *DetailTables::add(DetailTableModel::Kind kind, const QString &name, const QString &objectName,
                           QWidget *parent)
{
    // The models belong to the pane (through this object), so ConsolePane::isBusy() sees their reads.
    auto *page = new QStackedWidget(parent);
    page->setObjectName(objectName + QStringLiteral("Page"));
    m_live << new DetailTableModel(m_db, kind, this);
    m_past << new AsOfDetailModel(m_db, kind, this);
    page->insertWidget(kLivePage, detailView(m_live.last(), name, objectName, page));
    page->insertWidget(kAsOfPage, detailView(m_past.last(), name, objectName + QStringLiteral("AsOf"), page));
    m_pages << page;
    applyAsOf();
    return page;
}

bool DetailTables::isPast() const
{
    return !m_asOf->isLive();
}

SqlTableModel *DetailTables::shown(int i) const
{
    if (i < 0 || i >= count()) return nullptr;
    return isPast() ? static_cast<SqlTableModel *>(m_past[i]) : m_live[i];
}

void DetailTables::showParent(const QString &orgKey, const QString &id)
{
    for (int i = 0; i < count(); ++i) {
        if (isPast())
            m_past[i]->showParent(orgKey, id);
        else
            m_live[i]->showParent(orgKey, id);
    }
}

void DetailTables::refresh()
{
    for (int i = 0; i < count(); ++i)
        shown(i)->refresh();
}

void DetailTables::applyAsOf()
{
    // Only the instant and the page change here: the pane's table says which row to show (it re-selects
    // its row, or none, whenever what it shows changes).
    const bool past = isPast();
    for (int i = 0; i < count(); ++i) {
        if (past) m_past[i]->setAsOf(m_asOf->at());
        m_pages[i]->setCurrentIndex(past ? kAsOfPage : kLivePage);
    }
}

} // namespace orgward
