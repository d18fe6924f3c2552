#include "sqltablemodel.h"

#include "core/logging.h"
#include "sqlfetch.h"
#include "tableexport.h"

#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPalette>

namespace orgward {

namespace {
constexpr int kBlock = 400;
constexpr int kLead = 2; // id and muted flag precede the columns in each row
constexpr QChar kLikeEscape = u'!';
constexpr int kLongText = 40; // text cells longer than this also show whole as their tooltip
} // namespace

QString likeContains(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size() + 2);
    for (QChar c : value) {
        if (c == kLikeEscape || c == u'%' || c == u'_') escaped += kLikeEscape;
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

SqlTableModel::SqlTableModel(Database &db, QObject *parent) : QAbstractTableModel(parent), m_db(db) {}

SqlTableModel::~SqlTableModel()
{
    if (m_worker) m_worker->forget(this);
}

void SqlTableModel::setAsync(bool on)
{
    if (on == isAsync()) return;
    if (m_worker) {
        disconnect(m_worker.get(), nullptr, this, nullptr);
        m_worker->forget(this);
        m_worker.reset();
        m_reloadTicket = m_refreshTicket = m_moreTicket = 0;
        return;
    }
    m_worker = SqlFetchWorker::forDatabase(m_db);
    if (m_worker) connect(m_worker.get(), &SqlFetchWorker::done, this, &SqlTableModel::onFetched);
}

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
    reload();
}

void SqlTableModel::setFilterText(const QString &text)
{
    if (text == m_filter) return;
    m_filter = text;
    reload();
}

void SqlTableModel::setExtraCondition(const SqlCondition &condition)
{
    m_extra = condition;
    reload();
}

QString SqlTableModel::whereClause(QVariantList &binds) const
{
    QStringList conds{m_baseWhere.isEmpty() ? QStringLiteral("1=1") : m_baseWhere};
    binds << m_org;
    binds += m_baseBinds;
    if (!m_extra.isEmpty()) {
        conds << QString(u'(' + m_extra.sql + u')');
        binds += m_extra.binds;
    }
    const QStringList words = m_filter.split(u' ', Qt::SkipEmptyParts);
    for (const QString &w : words) {
        QStringList ors;
        for (const SqlColumn &c : m_columns) {
            if (!c.filterable || c.type != ColType::Text) continue;
            // SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE. No LOWER(): half the work per
            // row. The word is bound and its % and _ escaped: it matches itself, whatever it holds.
            ors << QStringLiteral("COALESCE(%1, '') %2 ? ESCAPE '%3'")
                       .arg(c.expr, m_db.isPostgres() ? QStringLiteral("ILIKE") : QStringLiteral("LIKE"),
                            kLikeEscape);
            binds += c.binds;
            binds << likeContains(w);
        }
        if (!ors.isEmpty()) conds << QString(u'(' + ors.join(QStringLiteral(" OR ")) + u')');
    }
    return conds.join(QStringLiteral(" AND "));
}

QString SqlTableModel::orderClause(QVariantList &binds, const QString &termPrefix) const
{
    const QString dir = m_order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    // The column, then the id in the same direction for a stable order across blocks. A plain
    // "col DIR, id DIR" lets the engine walk an (org_key, col) index and stop after one block instead
    // of sorting every row; NULLs therefore sort where the engine puts them.
    const SqlColumn c = m_columns.value(m_sortColumn);
    const QString e = c.sortExpr.isEmpty() ? c.expr : c.sortExpr;
    binds += c.binds;
    return QStringLiteral("ORDER BY %4%1 %2, %4%3 %2")
        .arg(e, dir, c.tieExpr.isEmpty() ? m_idExpr : c.tieExpr, termPrefix);
}

QString SqlTableModel::columnList(QVariantList &binds) const
{
    QStringList select;
    for (const SqlColumn &c : std::as_const(m_columns)) {
        select << c.expr;
        binds += c.binds;
    }
    return select.join(QStringLiteral(", "));
}

QString SqlTableModel::countSql(const QString &where) const
{
    return QStringLiteral("SELECT COUNT(*) %1 WHERE %2")
        .arg(m_countFrom.isEmpty() ? m_from : m_countFrom, where);
}

bool SqlTableModel::countRows()
{
    QVariantList binds;
    const QString where = whereClause(binds);
    auto n = m_db.scalar(countSql(where), binds);
    if (!n) {
        m_error = n.errorMessage();
        qCWarning(lcUi).noquote() << m_error;
        return false;
    }
    m_total = n->toLongLong();
    return true;
}

BlockQuery SqlTableModel::blockQuery(int offset, int limit, bool withCount) const
{
    BlockQuery q;
    QVariantList binds;
    const QString where = whereClause(binds);
    if (withCount) {
        q.countSql = countSql(where);
        q.countBinds = binds;
    }
    // Step 1: the ids of this block, in order (only the sort expression is evaluated per row).
    q.idsBinds = binds;
    q.idsSql = QStringLiteral("SELECT %1 %2 WHERE %3 %4 LIMIT %5 OFFSET %6")
                   .arg(m_idExpr, m_from, where, orderClause(q.idsBinds))
                   .arg(limit)
                   .arg(offset);
    // SQLite picks the sort index whenever it can; a unary + on the ORDER BY terms (a no-op on the values)
    // lets it filter a covering index and sort instead. PostgreSQL's planner weighs both from statistics.
    if (!m_filter.trimmed().isEmpty() && !m_db.isPostgres()) {
        QVariantList same; // the same binds as idsBinds
        q.idsSqlFew = QStringLiteral("SELECT %1 %2 WHERE %3 %4 LIMIT %5 OFFSET %6")
                          .arg(m_idExpr, m_from, where, orderClause(same, QStringLiteral("+")))
                          .arg(limit)
                          .arg(offset);
        q.knownTotal = m_total;
    }
    // Step 2: every column of just those ids.
    q.rowsBinds = m_mutedBinds;
    const QString muted = m_mutedExpr.isEmpty()
                              ? QStringLiteral("0")
                              : QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(m_mutedExpr);
    const QString columns = columnList(q.rowsBinds);
    q.rowsSql = QStringLiteral("SELECT %1, %2, %3 %4 WHERE %5 AND %1 IN (")
                    .arg(m_idExpr, muted, columns, m_from,
                         m_baseWhere.isEmpty() ? QStringLiteral("1=1") : m_baseWhere);
    q.rowsBinds << m_org;
    q.rowsBinds += m_baseBinds;
    q.width = int(m_columns.size()) + kLead;
    return q;
}

QList<QVariantList> SqlTableModel::queryRows(int offset, int limit, bool *ok)
{
    *ok = true;
    if (m_columns.isEmpty() || m_org.isEmpty()) return {};
    BlockResult r = runBlockQuery(m_db, blockQuery(offset, limit, false));
    if (!r.ok) {
        m_error = r.error;
        *ok = false;
        qCWarning(lcUi).noquote() << r.error;
    }
    return r.rows;
}

void SqlTableModel::reload()
{
    if (m_worker) return reloadAsync();
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    m_atEnd = true;
    // Sorting does not change how many rows match: keep the count and spare a full scan.
    const bool counted = !m_org.isEmpty() && (m_countValid || countRows());
    if (!counted) m_total = 0;
    m_countValid = false;
    if (counted) {
        bool ok = false;
        m_rows = queryRows(0, kBlock, &ok);
        m_atEnd = !ok || m_rows.size() >= m_total || m_rows.size() < kBlock;
    }
    endResetModel();
    m_changing = false;
    emit reloaded();
}

void SqlTableModel::reloadAsync()
{
    const bool wasLoading = isLoading();
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    m_atEnd = true;
    endResetModel();
    m_changing = false;
    // Whatever was asked before answers a question nobody asks any more.
    m_refreshTicket = m_moreTicket = 0;
    const bool keepCount = m_countValid;
    m_countValid = false;
    if (m_org.isEmpty() || m_columns.isEmpty()) {
        m_worker->forget(this);
        m_reloadTicket = 0;
        m_total = 0;
        if (wasLoading) emit loadingChanged(false);
        emit reloaded();
        return;
    }
    m_reloadTicket = m_worker->submit(this, blockQuery(0, kBlock, !keepCount), true);
    if (!wasLoading) emit loadingChanged(true);
}

void SqlTableModel::onFetched(quint64 ticket, const BlockResult &r)
{
    if (ticket == 0) return;
    if (ticket == m_reloadTicket) {
        m_reloadTicket = 0;
        if (!r.ok) {
            m_error = r.error;
            m_total = 0;
            qCWarning(lcUi).noquote() << r.error;
        } else {
            if (r.total >= 0) m_total = r.total;
            if (!r.rows.isEmpty()) {
                m_changing = true;
                beginInsertRows({}, 0, int(r.rows.size()) - 1);
                m_rows = r.rows;
                endInsertRows();
                m_changing = false;
            }
            m_atEnd = m_rows.size() >= m_total || m_rows.size() < kBlock;
        }
        emit loadingChanged(false);
        emit reloaded();
    } else if (ticket == m_refreshTicket) {
        m_refreshTicket = 0;
        if (!r.ok) return reload();
        if (r.total >= 0) m_total = r.total;
        applyRefresh(r.rows, m_refreshWant);
    } else if (ticket == m_moreTicket) {
        m_moreTicket = 0;
        if (!r.ok) {
            m_error = r.error;
            m_atEnd = true;
            return;
        }
        if (m_moreOffset != m_rows.size()) return; // the rows moved under it: the view asks again
        if (r.rows.size() < kBlock) m_atEnd = true;
        if (r.rows.isEmpty()) return;
        m_changing = true;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + r.rows.size()) - 1);
        m_rows += r.rows;
        if (m_rows.size() >= m_total) m_atEnd = true;
        endInsertRows();
        m_changing = false;
    }
}

void SqlTableModel::refresh()
{
    if (m_org.isEmpty()) return reload();
    if (m_worker) {
        // A reload still on its way re-runs from the top: its answer may predate the commit.
        if (isLoading()) return reload();
        m_moreTicket = 0;
        m_refreshWant = int(qMax<qsizetype>(m_rows.size(), kBlock));
        m_refreshTicket = m_worker->submit(this, blockQuery(0, m_refreshWant, true), false);
        return;
    }
    m_error.clear();
    if (!countRows()) return reload();
    bool ok = false;
    const int want = int(qMax<qsizetype>(m_rows.size(), kBlock));
    QList<QVariantList> fresh = queryRows(0, want, &ok);
    if (!ok) return reload();
    applyRefresh(std::move(fresh), want);
}

void SqlTableModel::applyRefresh(QList<QVariantList> fresh, int want)
{
    m_error.clear();
    m_changing = true;
    const int common = int(qMin(m_rows.size(), fresh.size()));
    if (fresh.size() < m_rows.size()) {
        beginRemoveRows({}, common, int(m_rows.size()) - 1);
        m_rows.resize(common);
        endRemoveRows();
    }
    // Same ids keep their persistent indexes (selection, current index) wherever they moved.
    emit layoutAboutToBeChanged();
    QHash<QString, int> newRow;
    for (int i = 0; i < common; ++i)
        newRow.insert(fresh[i].value(0).toString(), i);
    const QModelIndexList old = persistentIndexList();
    QModelIndexList to;
    to.reserve(old.size());
    for (const QModelIndex &i : old) {
        const int r = newRow.value(m_rows.value(i.row()).value(0).toString(), -1);
        to << (r >= 0 ? createIndex(r, i.column()) : QModelIndex());
    }
    for (int i = 0; i < common; ++i)
        m_rows[i] = fresh[i];
    changePersistentIndexList(old, to);
    emit layoutChanged();
    if (fresh.size() > common) {
        beginInsertRows({}, common, int(fresh.size()) - 1);
        m_rows += fresh.mid(common);
        endInsertRows();
    }
    m_atEnd = m_rows.size() >= m_total || fresh.size() < want;
    m_changing = false;
    if (!m_rows.isEmpty()) emit dataChanged(index(0, 0), index(rowCount() - 1, qMax(0, columnCount() - 1)));
    emit reloaded();
}

bool SqlTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void SqlTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_changing) return;
    if (m_worker) {
        // One block at a time; the view asks again as it scrolls once this one has arrived.
        if (!isIdle()) return;
        m_moreOffset = int(m_rows.size());
        m_moreTicket = m_worker->submit(this, blockQuery(m_moreOffset, kBlock, false), false);
        return;
    }
    bool ok = false;
    const QList<QVariantList> more = queryRows(int(m_rows.size()), kBlock, &ok);
    if (!ok || more.size() < kBlock) m_atEnd = true;
    if (more.isEmpty()) return;
    m_changing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size()) - 1);
    m_rows += more;
    if (m_rows.size() >= m_total) m_atEnd = true;
    endInsertRows();
    m_changing = false;
}

QString SqlTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].value(0).toString() : QString();
}

int SqlTableModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].value(0).toString() == id) return i;
    return -1;
}

int SqlTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int SqlTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString SqlTableModel::formatValue(ColType type, const QVariant &v)
{
    if (v.isNull()) return {};
    switch (type) {
    case ColType::Timestamp: {
        const qint64 s = Database::timestampSecs(v);
        return QDateTime::fromSecsSinceEpoch(s).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    case ColType::Bool:
        return v.toBool() ? QObject::tr("yes") : QObject::tr("no");
    case ColType::Int:
        return QLocale().toString(v.toLongLong());
    case ColType::Json: {
        // Lists (permissions, model ids, recipients) read as text; an object stays compact JSON.
        const QJsonDocument d = QJsonDocument::fromJson(v.toString().toUtf8());
        if (d.isObject()) return QString::fromUtf8(d.toJson(QJsonDocument::Compact));
        if (!d.isArray()) return v.toString();
        QStringList items;
        const QJsonArray a = d.array();
        for (const QJsonValue &e : a)
            items << (e.isString() ? e.toString()
                      : e.isObject()
                          ? QString::fromUtf8(QJsonDocument(e.toObject()).toJson(QJsonDocument::Compact))
                          : e.toVariant().toString());
        return items.join(QStringLiteral(", "));
    }
    default:
        return v.toString();
    }
}

QVariant SqlTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size()) return {};
    const QVariantList &row = m_rows[index.row()];
    const QVariant v = row.value(index.column() + kLead);
    const SqlColumn &c = m_columns[index.column()];
    const bool muted = row.value(1).toInt() != 0;
    switch (role) {
    case Qt::DisplayRole:
        return c.format ? c.format(v) : formatValue(c.type, v);
    case Qt::ToolTipRole:
        if (c.type == ColType::Timestamp && !v.isNull())
            return QString(
                QDateTime::fromSecsSinceEpoch(Database::timestampSecs(v), Qt::UTC).toString(Qt::ISODate));
        // Lists and long texts (descriptions) can be wider than their column.
        if ((c.type == ColType::Json || c.format || c.type == ColType::Text) && !v.isNull()) {
            const QString text = c.format ? c.format(v) : formatValue(c.type, v);
            if (c.type != ColType::Text || text.size() > kLongText) return text;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (c.type == ColType::Int || c.type == ColType::Decimal)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (muted) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (muted) return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case RawRole:
        return v;
    case IdRole:
        return row.value(0);
    default:
        return {};
    }
}

QVariant SqlTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_columns.size())
        return {};
    return m_columns[section].header;
}

void SqlTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size()) return;
    if (column == m_sortColumn && order == m_order && !m_rows.isEmpty()) return;
    m_sortColumn = column;
    m_order = order;
    m_countValid = m_error.isEmpty() && !m_org.isEmpty() && !isLoading();
    reload();
}

TableExportQuery SqlTableModel::exportQuery() const
{
    TableExportQuery q;
    for (const SqlColumn &c : std::as_const(m_columns)) {
        q.headers << c.header;
        q.types << c.type;
        q.formats << c.format;
    }
    if (m_org.isEmpty() || m_columns.isEmpty()) return q;
    const QString columns = columnList(q.binds);
    const QString where = whereClause(q.binds);
    q.sql = QStringLiteral("SELECT %1 %2 WHERE %3 %4").arg(columns, m_from, where, orderClause(q.binds));
    q.expectedRows = m_total;
    return q;
}

} // namespace orgward
