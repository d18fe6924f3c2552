#pragma once
// One QSqlDatabase connection owned by one thread. Open it in the thread that uses it (the sync worker
// and the GUI each have their own). Migrations run on open. Transactions nest through savepoints.
#include "databaseurl.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>
#include <functional>
#include <memory>

namespace orgward {

class NativeSession;

struct OpenOptions
{
    bool readOnly = false; // auditor mode: SQLite opened read-only, no migrations
    bool migrate = true;
    bool create = true; // SQLite: create the file (and its folder) if missing
};

class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static Result<std::unique_ptr<Database>> open(const DatabaseUrl &url, const OpenOptions &options = {});

    QSqlDatabase &handle() { return m_db; }
    const DatabaseUrl &url() const { return m_url; }
    bool isPostgres() const { return m_url.isPostgres(); }
    bool isReadOnly() const { return m_readOnly; }

    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    // Like exec(), but keeps the statement prepared for the life of the connection: for hot statements
    // run many times with the same shape (the sync's upserts). Parsing a 3,000-parameter INSERT costs
    // far more than executing it.
    // The returned query stays owned by the connection and is valid until the same statement runs again.
    Result<QSqlQuery *> execCached(const QString &sql, const QVariantList &binds);
    Status run(const QString &sql, const QVariantList &binds = {})
    {
        auto r = exec(sql, binds);
        return r ? Status() : Status(r.error());
    }
    Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {});
    // The engine's C API on this same connection (the sync's bulk upserts); dropped on reconnect.
    NativeSession &native();

    Status begin();
    Status commit();
    void rollback();
    int transactionDepth() const { return m_depth; }

    // Dialect helpers ------------------------------------------------------------------------------
    QVariant bindTimestamp(const QVariant &secs) const; // qint64 seconds → engine value (NULL stays NULL)
    static qint64 timestampSecs(const QVariant &v);     // engine value → seconds (0 for NULL)
    QVariant bindBool(const QVariant &b) const;
    QString sumDecimal(const QString &expr) const;    // exact SUM of a money column, as text
    QString tsToSecs(const QString &tsExpr) const;    // timestamp column → integer seconds
    QString secsToTs(const QString &paramExpr) const; // integer seconds parameter → timestamp

    QString describe() const { return m_url.display(); }
    // What the user should know about this database although it opened: today, a SQLite file that other
    // users may read. The CLI logs each (orgward.store); the console can show them.
    const QStringList &warnings() const { return m_warnings; }

    // Restricted console roles read through views (security/tablesource.h installs this): exec() passes
    // each statement through the rewriter first. Unset for everyone else; execCached() never rewrites.
    void setStatementRewriter(std::function<QString(const QString &)> rewriter)
    {
        m_rewriter = std::move(rewriter);
    }
    // Shared with other connections of the same user (the console's table-fetch worker).
    const std::function<QString(const QString &)> &statementRewriter() const { return m_rewriter; }

private:
    Database() = default;
    Result<QSqlQuery> execOnce(const QString &sql, const QVariantList &binds, QSqlError *error);
    bool setupSession(); // per-connection settings, re-applied after a reconnect
    Status openPostgres();
    Status openSqlite(const OpenOptions &options);
    Status connectSqlite(const OpenOptions &options);
    QStringList m_warnings;
    QHash<QString, QSqlQuery> m_prepared;
    std::unique_ptr<NativeSession> m_native;
    QSqlDatabase m_db;
    QString m_name;
    DatabaseUrl m_url;
    bool m_readOnly = false;
    int m_depth = 0;
    std::function<QString(const QString &)> m_rewriter;
};

// Wraps a QSqlError into a specific, user-facing message.
Error sqlError(const QString &what, const QString &detail);

} // namespace orgward
