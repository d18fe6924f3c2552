#pragma once
// The one table of which usage and cost group_by sets Orgward fetches, and why: each row names the console
// pane or report that reads a set (finance/groupbyset.h picks the smallest stored set holding the
// dimension it stacks by). The live sync (sync/syncplan.h) and the fixture generator both read it, so a
// pane never stacks by a dimension only imported fixtures carry.
#include <QList>
#include <QString>
#include <QStringList>

namespace orgward {

struct GroupByNeed
{
    QString reader;      // the pane, tile or report that reads the set
    QStringList kinds;   // usage kinds ("costs" for the costs endpoint); empty = every usage kind
    QStringList groupBy; // sorted; empty = ungrouped totals
};

const QList<GroupByNeed> &groupByNeeds();
// The distinct sets to fetch for one usage kind or "costs", in table order, each sorted; only dimensions
// the endpoint accepts.
QList<QStringList> groupBySetsFor(const QString &usageKindOrCosts);

} // namespace orgward
