#include "sqltablemodel.h"

#include "core/logging.h"

#include <QLocale>

namespace orgward {

namespace {
constexpr int kBlock = 400;
}

SqlTableModel::SqlTableModel(Database &db, QObject *parent) : QAbstractTableModel(parent), m_db(db) {}

void SqlTableModel::setQuery(QList<SqlColumn> columns, QString fromSql, QString baseWhere, QString idExpr)
{
    beginResetModel();
    m_columns = std::move(columns);
    m_from = std::move(fromSql);
    m_baseWhere = std::move(baseWhere);
    m_idExpr = std::move(idExpr);
    m_rows.clear();
    m_atEnd = true;
    endResetModel();
}

void SqlTableModel::setOrgKey(const QString &orgKey)
{
    m_org = orgKey;
    refresh();
}

void SqlTableModel::setFilterText(const QString &text)
{
    if (text == m_filter) return;
    m_filter = text;
    refresh();
}

void SqlTableModel::setExtraCondition(const QString &sql, const QVariantList &binds)
{
    m_extra = sql;
    m_extraBinds = binds;
    refresh();
}

QString SqlTableModel::whereClause(QVariantList &binds) const
{
    QStringList conds{m_baseWhere.isEmpty() ? QStringLiteral("1=1") : m_baseWhere};
    binds << m_org;
    if (!m_extra.isEmpty()) {
        conds << u'(' + m_extra + u')';
        binds += m_extraBinds;
    }
    const QStringList words = m_filter.split(u' ', Qt::SkipEmptyParts);
    for (const QString &w : words) {
        QStringList ors;
        for (const SqlColumn &c : m_columns) {
            if (!c.filterable || c.type != ColType::Text) continue;
            ors << QStringLiteral("LOWER(COALESCE(%1, '')) LIKE ?").arg(c.expr);
            binds << QString(u'%' + w.toLower() + u'%');
        }
        if (!ors.isEmpty()) conds << u'(' + ors.join(QStringLiteral(" OR ")) + u')';
    }
    return conds.join(QStringLiteral(" AND "));
}

void SqlTableModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    m_atEnd = false;
    QVariantList binds;
    const QString where = whereClause(binds);
    auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) %1 WHERE %2").arg(m_from, where), binds);
    if (!n) {
        m_error = n.errorMessage();
        m_atEnd = true;
        qCWarning(lcUi).noquote() << m_error;
    } else {
        m_total = n->toLongLong();
        m_rows = queryBlock(0);
    }
    endResetModel();
    emit reloaded();
}

QList<QVariantList> SqlTableModel::queryBlock(int offset)
{
    QList<QVariantList> rows;
    if (m_atEnd || m_columns.isEmpty()) return rows;
    QVariantList binds;
    const QString where = whereClause(binds);
    QStringList select{m_idExpr};
    for (const SqlColumn &c : m_columns) select << c.expr;
    const QString dir = m_order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    // NULLs last in both directions, then the id for a stable order across blocks.
    const QString sortExpr = m_columns.value(m_sortColumn).expr;
    const QString sql = QStringLiteral("SELECT %1 %2 WHERE %3 ORDER BY (%4 IS NULL), %4 %5, %6 LIMIT %7 OFFSET %8")
                            .arg(select.join(QStringLiteral(", ")), m_from, where, sortExpr, dir, m_idExpr)
                            .arg(kBlock)
                            .arg(offset);
    auto q = m_db.exec(sql, binds);
    if (!q) {
        m_error = q.errorMessage();
        m_atEnd = true;
        qCWarning(lcUi).noquote() << m_error;
        return rows;
    }
    const int cols = int(m_columns.size()) + 1;
    while (q->next()) {
        QVariantList row;
        row.reserve(cols);
        for (int i = 0; i < cols; ++i) row << q->value(i);
        rows << row;
    }
    if (rows.size() < kBlock) m_atEnd = true;
    return rows;
}

bool SqlTableModel::canFetchMore(const QModelIndex &parent) const { return !parent.isValid() && !m_atEnd; }

void SqlTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd) return;
    const QList<QVariantList> more = queryBlock(int(m_rows.size()));
    if (more.isEmpty()) return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size()) - 1);
    m_rows += more;
    endInsertRows();
}

QString SqlTableModel::idAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row].value(0).toString() : QString(); }

int SqlTableModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].value(0).toString() == id) return i;
    return -1;
}

int SqlTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int SqlTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_columns.size()); }

QString SqlTableModel::formatValue(ColType type, const QVariant &v)
{
    if (v.isNull()) return {};
    switch (type) {
    case ColType::Timestamp: {
        const qint64 s = Database::timestampSecs(v);
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(s).toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    case ColType::Bool: return v.toBool() ? QObject::tr("yes") : QObject::tr("no");
    case ColType::Int: return QLocale().toString(v.toLongLong());
    default: return v.toString();
    }
}

QVariant SqlTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size()) return {};
    const QVariant v = m_rows[index.row()].value(index.column() + 1);
    const SqlColumn &c = m_columns[index.column()];
    switch (role) {
    case Qt::DisplayRole: return formatValue(c.type, v);
    case Qt::ToolTipRole:
        if (c.type == ColType::Timestamp && !v.isNull())
            return QDateTime::fromSecsSinceEpoch(Database::timestampSecs(v), Qt::UTC).toString(Qt::ISODate);
        return {};
    case Qt::TextAlignmentRole:
        if (c.type == ColType::Int || c.type == ColType::Decimal) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawRole: return v;
    case IdRole: return m_rows[index.row()].value(0);
    default: return {};
    }
}

QVariant SqlTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section >= m_columns.size()) return {};
    return m_columns[section].header;
}

void SqlTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size()) return;
    m_sortColumn = column;
    m_order = order;
    refresh();
}

} // namespace orgward
