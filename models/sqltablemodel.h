#pragma once
// A read-only table model over one SQL query of the store. Sorting and filtering happen in SQL and rows
// arrive in blocks as the view scrolls (fetchMore), so a 100,000-row table never loads whole.
// Each block is fetched in two steps: the ids of the block in sort order (cheap), then the full columns of
// just those ids, so expensive per-row columns (counts, last use) are computed for 400 rows, not 100,000.
// With setAsync(true) (the console's panes) counting and block fetches run on a worker thread with its own
// connection (SqlFetchWorker): the model shows no rows and isLoading() until the answer arrives, and
// answers to superseded requests are dropped.
#include "domain/tables.h"
#include "store/database.h"
#include "tableexport.h"

#include <QAbstractTableModel>
#include <memory>

namespace orgward {

struct SqlColumn
{
    SqlColumn() = default;
    SqlColumn(QString h, QString e, ColType t = ColType::Text, bool f = true, QString sort = {},
              QString tie = {})
        : header(std::move(h)), expr(std::move(e)), type(t), filterable(f), sortExpr(std::move(sort)),
          tieExpr(std::move(tie))
    {
    }
    QString header;
    QString expr; // SQL expression in the select list
    ColType type = ColType::Text;
    bool filterable = true; // included in the text filter (text columns only)
    QString sortExpr;       // when sorting by expr is wrong (money as text): e.g. a numeric cast
    // The row id as the sort column's own table names it (a joined summary's user_id for the model's u.id),
    // so "col, tie" matches that table's (col, id) index and a sorted block is an index walk.
    QString tieExpr;
    QVariantList binds; // values for the ? marks in expr (sortExpr, when set, has the same marks in order)
    // Shows (and exports) the value its own way instead of by type: e.g. a money amount that expr writes
    // as "<cents> <currency> <interval>".
    CellFormatter format = nullptr;
};

// A condition for a model's WHERE clause and the values for its ? marks, in order. Values are always
// bound, never written into the SQL text.
struct SqlCondition
{
    QString sql; // empty: no condition
    QVariantList binds;
    bool isEmpty() const { return sql.isEmpty(); }
};

// value as a LIKE pattern that matches it anywhere, literally (% and _ in value match themselves); use
// with "LIKE ? ESCAPE '!'" (not a backslash: its meaning in a literal depends on server settings).
QString likeContains(const QString &value);

class SqlFetchWorker;
struct BlockQuery;
struct BlockResult;

class SqlTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles
    {
        RawRole = Qt::UserRole + 1,
        IdRole
    };

    SqlTableModel(Database &db, QObject *parent = nullptr);
    ~SqlTableModel() override;

    // Queries on a worker thread from now on (no-op when the database cannot be shared, e.g. in memory).
    void setAsync(bool on);
    bool isAsync() const { return m_worker != nullptr; }
    // A reload's count and first block have not arrived yet (async only).
    bool isLoading() const { return m_reloadTicket != 0; }
    // Nothing queued or running for this model (async: no reload, refresh or fetchMore in flight).
    bool isIdle() const { return m_reloadTicket == 0 && m_refreshTicket == 0 && m_moreTicket == 0; }

    // fromSql: "FROM openai_users u" (joins allowed); baseWhere: condition with org_key bound as the first ?.
    // idExpr must identify a row within baseWhere and be cheap to look up (an indexed column).
    void setQuery(QList<SqlColumn> columns, QString fromSql, QString baseWhere, QString idExpr);
    // COUNT(*) reads this FROM instead of the query's: for a query whose joins are 1:1 with its first table
    // (Members joins its per-member summary), counting that table alone skips a lookup per row. Filters,
    // presets and extra conditions must then name only the tables this FROM has.
    void setCountFrom(const QString &fromSql) { m_countFrom = fromSql; }
    // Rows where this expression is true are shown muted (e.g. archived projects, removed members).
    void setMutedExpr(const QString &expr, const QVariantList &binds = {})
    {
        m_mutedExpr = expr;
        m_mutedBinds = binds;
    }
    void setOrgKey(const QString &orgKey);
    // Words that must each appear in some filterable text column (matched literally, any case).
    void setFilterText(const QString &text);
    void setExtraCondition(const SqlCondition &condition); // e.g. pane filters from tiles
    // Extra binds after the org key for baseWhere (e.g. the project a detail table shows).
    void setBaseBinds(const QVariantList &binds) { m_baseBinds = binds; }
    QString orgKey() const { return m_org; }
    QString filterText() const { return m_filter; }
    qint64 totalRows() const { return m_total; }
    QString lastError() const { return m_error; }
    QString idAt(int row) const;
    int rowOfId(const QString &id) const; // among loaded rows; -1 if not loaded
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_order; }
    const QList<SqlColumn> &columns() const { return m_columns; }

    // Re-runs the query keeping sort, filter, the loaded row count, persistent indexes (so views keep
    // their selection and scroll position). Called when a sync commits.
    void refresh();
    // Re-runs the query from the top (org, sort or filter changed).
    void reload();
    // Every row of the current query (not only the loaded ones), for a CSV export (tableexport.h).
    TableExportQuery exportQuery() const;
    Database &database() const { return m_db; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Text of a stored value: JSON arrays as their elements separated by ", " (never raw JSON).
    static QString formatValue(ColType type, const QVariant &v);

signals:
    void reloaded(); // a reload or refresh has its rows (async: when the answer arrived)
    void loadingChanged(bool loading);

private:
    QString whereClause(QVariantList &binds) const;
    QString countSql(const QString &where) const;
    // prefix: "+" turns off index order; the sort column's binds are appended to binds.
    QString orderClause(QVariantList &binds, const QString &termPrefix = {}) const;
    QString columnList(QVariantList &binds) const; // every column's expression, its binds appended
    BlockQuery blockQuery(int offset, int limit, bool withCount) const;
    QList<QVariantList> queryRows(int offset, int limit, bool *ok);
    bool countRows();
    void applyRefresh(QList<QVariantList> fresh, int want);
    void onFetched(quint64 ticket, const BlockResult &r);
    void reloadAsync();

    Database &m_db;
    QList<SqlColumn> m_columns;
    QString m_from, m_countFrom, m_baseWhere, m_idExpr, m_org, m_filter, m_mutedExpr;
    SqlCondition m_extra;
    QVariantList m_mutedBinds, m_baseBinds;
    int m_sortColumn = 0;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    QList<QVariantList> m_rows; // each row: id, muted flag, then the columns
    qint64 m_total = 0;
    bool m_atEnd = true;
    bool m_countValid = false; // m_total still right for the next reload (only the sort changed)
    bool m_changing = false;   // inside a reset/insert/layout change: fetchMore waits (no re-entrant loads)
    QString m_error;
    std::shared_ptr<SqlFetchWorker> m_worker;
    quint64 m_reloadTicket = 0, m_refreshTicket = 0, m_moreTicket = 0; // answers still wanted
    int m_refreshWant = 0, m_moreOffset = 0;
};

} // namespace orgward
