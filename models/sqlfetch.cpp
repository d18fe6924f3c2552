#include "sqlfetch.h"

#include "core/logging.h"

#include <QHash>

namespace orgward {

namespace {
// Ids per statement in the second step: far below SQLite's and PostgreSQL's bind limits, and small
// enough that a refresh of a long scrolled table does not build one giant statement.
constexpr int kIdsPerStatement = 500;
} // namespace

BlockResult runBlockQuery(Database &db, const BlockQuery &q)
{
    BlockResult r;
    auto failed = [&r](const QString &e) {
        r.ok = false;
        r.error = e;
        r.rows.clear();
        return r;
    };
    if (!q.countSql.isEmpty()) {
        auto n = db.scalar(q.countSql, q.countBinds);
        if (!n) return failed(n.errorMessage());
        r.total = n->toLongLong();
        if (r.total == 0) return r; // nothing matches: spare the ordered query
    }
    const qint64 matching = r.total >= 0 ? r.total : q.knownTotal;
    const bool few = !q.idsSqlFew.isEmpty() && matching >= 0 && matching <= kFewMatches;
    auto ids = db.exec(few ? q.idsSqlFew : q.idsSql, q.idsBinds);
    if (!ids) return failed(ids.errorMessage());
    QStringList order;
    while (ids->next())
        order << ids->value(0).toString();
    if (order.isEmpty()) return r;
    QHash<QString, QVariantList> byId;
    byId.reserve(order.size());
    for (qsizetype from = 0; from < order.size(); from += kIdsPerStatement) {
        const qsizetype n = qMin<qsizetype>(kIdsPerStatement, order.size() - from);
        QVariantList binds = q.rowsBinds;
        QStringList marks;
        marks.reserve(n);
        for (qsizetype i = 0; i < n; ++i) {
            marks << QStringLiteral("?");
            binds << order[from + i];
        }
        auto rows = db.exec(QString(q.rowsSql + marks.join(u',') + u')'), binds);
        if (!rows) return failed(rows.errorMessage());
        while (rows->next()) {
            QVariantList row;
            row.reserve(q.width);
            for (int i = 0; i < q.width; ++i)
                row << rows->value(i);
            byId.insert(row.value(0).toString(), row);
        }
    }
    r.rows.reserve(order.size());
    for (const QString &id : std::as_const(order))
        if (auto it = byId.constFind(id); it != byId.constEnd()) r.rows << *it;
    return r;
}

QString SqlFetchWorker::workerKey(const DatabaseUrl &url, const void *connection)
{
    // The key is a long-lived copy in a static table: it must hold no secret.
    DatabaseUrl named = url;
    named.password.clear();
    return named.toString() + u'#' + QString::number(quintptr(connection), 16);
}

std::shared_ptr<SqlFetchWorker> SqlFetchWorker::forDatabase(Database &db)
{
    // Only the GUI thread asks (models live there), so a plain static registry is enough.
    static QHash<QString, std::weak_ptr<SqlFetchWorker>> workers;
    const DatabaseUrl &url = db.url();
    if (!url.isPostgres() && (url.path.isEmpty() || url.path == u":memory:")) return nullptr;
    const QString key = workerKey(url, &db);
    if (auto w = workers.value(key).lock()) return w;
    std::shared_ptr<SqlFetchWorker> w(new SqlFetchWorker(url, db.statementRewriter()));
    workers.insert(key, w);
    return w;
}

SqlFetchWorker::SqlFetchWorker(const DatabaseUrl &url, std::function<QString(const QString &)> rewriter)
    : m_url(url), m_rewriter(std::move(rewriter))
{
    qRegisterMetaType<orgward::BlockResult>();
    qRegisterMetaType<std::shared_ptr<void>>();
    m_thread = QThread::create([this] { loop(); });
    m_thread->setObjectName(QStringLiteral("orgward-table-fetch"));
    m_thread->start();
}

SqlFetchWorker::~SqlFetchWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    m_thread->wait();
    delete m_thread;
}

quint64 SqlFetchWorker::submit(const void *owner, BlockQuery q, bool supersede)
{
    return enqueue({0, owner, std::move(q), Job()}, supersede);
}

quint64 SqlFetchWorker::submitJob(const void *owner, Job job, bool supersede)
{
    return enqueue({0, owner, BlockQuery{}, std::move(job)}, supersede);
}

quint64 SqlFetchWorker::enqueue(Request r, bool supersede)
{
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        if (supersede) m_queue.removeIf([&r](const Request &q) { return q.owner == r.owner; });
        ticket = r.ticket = ++m_next;
        m_queue.append(std::move(r));
    }
    m_wake.notify_one();
    return ticket;
}

void SqlFetchWorker::forget(const void *owner)
{
    std::lock_guard lock(m_mutex);
    m_queue.removeIf([owner](const Request &r) { return r.owner == owner; });
}

void SqlFetchWorker::loop()
{
    std::unique_ptr<Database> db; // opened and closed on this thread
    QString openError;
    auto open = [&] {
        // Reads only: no migrations (the GUI's connection ran them), and SQLite cannot write by mistake.
        OpenOptions o;
        o.readOnly = true;
        o.migrate = false;
        o.create = false;
        auto opened = Database::open(m_url, o);
        if (!opened) {
            openError = opened.errorMessage();
            qCWarning(lcUi).noquote() << "table fetch connection:" << openError;
            return;
        }
        db = std::move(*opened);
        db->setStatementRewriter(m_rewriter); // a restricted role reads the same views here
        if (!db->isPostgres()) {
            // Table scans (filters, counts) re-read the same pages: keep them in this connection's cache
            // (no mmap: it made heap corruption appear at shutdown in the GUI tests; see the report).
            for (const char *p : {"PRAGMA cache_size=-32768"})
                if (auto r = db->run(QString::fromLatin1(p)); !r)
                    qCWarning(lcUi).noquote() << r.errorMessage();
        }
        // Read the schema now (the first statement on a connection parses it), not in the first pane's query.
        (void)db->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    };
    // Connected as soon as the thread starts, while the window is still on its first pane: opening a pane
    // then costs its queries only (the open and the schema read were ~45 ms of opening Members).
    open();
    for (;;) {
        Request req;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return !m_queue.isEmpty() || m_stop; });
            if (m_stop) break;
            req = m_queue.takeFirst();
        }
        if (!db) open(); // the server may be back
        if (req.job) {
            emit jobDone(req.ticket, req.job(db.get(), openError));
            continue;
        }
        if (!db) {
            BlockResult r;
            r.ok = false;
            r.error = openError;
            emit done(req.ticket, r);
            continue;
        }
        emit done(req.ticket, runBlockQuery(*db, req.query));
    }
    db.reset();
}

} // namespace orgward
