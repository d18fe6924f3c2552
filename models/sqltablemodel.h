#pragma once
// A read-only table model over one SQL query of the store. Sorting and filtering happen in SQL and rows
// arrive in blocks as the view scrolls (fetchMore), so a 100,000-row table never loads whole.
#include "domain/tables.h"
#include "store/database.h"

#include <QAbstractTableModel>

namespace orgward {

struct SqlColumn
{
    QString header;
    QString expr;     // SQL expression in the select list
    ColType type = ColType::Text;
    bool filterable = true; // included in the text filter
};

class SqlTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles { RawRole = Qt::UserRole + 1, IdRole };

    SqlTableModel(Database &db, QObject *parent = nullptr);

    // fromSql: "FROM openai_users u" (joins allowed); whereSql: extra condition with org_key bound as :org.
    void setQuery(QList<SqlColumn> columns, QString fromSql, QString baseWhere, QString idExpr);
    void setOrgKey(const QString &orgKey);
    void setFilterText(const QString &text);
    void setExtraCondition(const QString &sql, const QVariantList &binds = {}); // e.g. pane filters from tiles
    QString orgKey() const { return m_org; }
    qint64 totalRows() const { return m_total; }
    QString lastError() const { return m_error; }
    QString idAt(int row) const;
    int rowOfId(const QString &id) const; // among loaded rows; -1 if not loaded
    // Re-runs the query, keeping the sort and filter (called when a sync commits).
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QString formatValue(ColType type, const QVariant &v);

signals:
    void reloaded();

private:
    QString whereClause(QVariantList &binds) const;
    QList<QVariantList> queryBlock(int offset);

    Database &m_db;
    QList<SqlColumn> m_columns;
    QString m_from, m_baseWhere, m_idExpr, m_org, m_filter, m_extra;
    QVariantList m_extraBinds;
    int m_sortColumn = 0;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    QList<QVariantList> m_rows; // each row: id, then the columns
    qint64 m_total = 0;
    bool m_atEnd = true;
    QString m_error;
};

} // namespace orgward
