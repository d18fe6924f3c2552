#include "syncengine.h"

#include "core/clock.h"
#include "core/logging.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSet>
#include <QUuid>

namespace orgward {

qint64 SyncSummary::rows() const
{
    qint64 n = 0;
    for (const EndpointResult &e : endpoints)
        n += e.rows;
    return n;
}

SyncEngine::SyncEngine(Database &db, ApiClient &api, SyncOptions options)
    : m_db(db), m_api(api), m_o(std::move(options))
{
}

Result<QList<QPair<QString, QString>>> SyncEngine::projects()
{
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT id, status FROM openai_projects WHERE org_key = ? AND deleted_at IS NULL ORDER BY id"),
        {m_o.orgKey});
    if (!q) return q.error();
    QList<QPair<QString, QString>> out;
    while (q->next())
        out << qMakePair(q->value(0).toString(), q->value(1).toString());
    return out;
}

void SyncEngine::finishEndpoint(EndpointResult r)
{
    if (m_committer && m_committer->pending()) {
        if (m_committer->pendingEndpoint() == r.endpoint && !m_unfinished) {
            // Its last page is still being committed: it is finished when that page lands (settle).
            m_unfinished = std::move(r);
            return;
        }
        (void)settle(nullptr); // an earlier chain's last page: that chain finishes first
    }
    if (r.status == u"failed") ++m_summary.failed;
    if (r.authError) m_summary.authFailure = true;
    qCInfo(lcSync).noquote()
        << QStringLiteral("sync endpoint=%1 status=%2 pages=%3 rows=%4 added=%5 changed=%6 unchanged=%7 "
                          "gone=%8 next_page=%9 window_end=%10%11")
               .arg(r.endpoint, r.status)
               .arg(r.pages)
               .arg(r.rows)
               .arg(r.counts.added)
               .arg(r.counts.changed)
               .arg(r.counts.unchanged)
               .arg(r.counts.gone)
               .arg(r.nextPage.isEmpty() ? QStringLiteral("-") : r.nextPage)
               .arg(r.windowEnd)
               .arg(r.error.isEmpty() ? QString() : QStringLiteral(" error=\"%1\"").arg(r.error));
    if (onEndpoint) onEndpoint(r);
    m_summary.endpoints << std::move(r);
}

void SyncEngine::account(EndpointResult &r, const TableCounts &counts)
{
    for (const WriteCounts &w : std::as_const(counts)) {
        r.counts += w;
        r.rows += w.seen();
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        m_summary.counts[it.key()] += it.value();
    if (onProgress) {
        qint64 total = 0;
        for (const EndpointResult &e : std::as_const(m_summary.endpoints))
            total += e.rows;
        onProgress(SyncProgress{r.endpoint, r.pages, r.rows, total + r.rows, int(m_summary.endpoints.size()),
                                m_elapsed.elapsed()});
    }
}

void SyncEngine::recordFailure(EndpointResult &r, const QString &message)
{
    r.status = QStringLiteral("failed");
    r.error = message;
    SyncState state(m_db);
    if (auto now = state.cursor(m_o.orgKey, r.endpoint)) {
        CursorState s = *now;
        ++s.errorCount;
        s.lastError = message;
        (void)state.saveCursor(m_o.orgKey, s);
        r.nextPage = s.nextPage;
        r.windowEnd = s.windowEnd;
        if (m_committer) m_cursors.insert(r.endpoint, s);
    }
}

Status SyncEngine::settle(EndpointResult *current)
{
    if (!m_committer || !m_committer->pending()) return {};
    auto counts = m_committer->collect();
    if (!m_unfinished) {
        if (!counts) return counts.error();
        if (current) account(*current, *counts);
        return {};
    }
    EndpointResult done = std::move(*m_unfinished);
    m_unfinished.reset();
    if (counts) {
        account(done, *counts);
    } else {
        // Its last page did not land: the chain stays where its last committed page left it.
        m_cursors.remove(done.endpoint);
        recordFailure(done, counts.errorMessage());
    }
    finishEndpoint(std::move(done));
    return {};
}

Result<SyncSummary> SyncEngine::run()
{
    m_elapsed.start();
    m_now = Clock::nowSecs();
    m_summary = SyncSummary{};
    m_summary.orgKey = m_o.orgKey;
    m_summary.dryRun = m_o.dryRun;
    const qint64 requests0 = m_api.requestCount(), retries0 = m_api.retryCount();

    // Two processes syncing one org into one PostgreSQL database take turns: a session-level advisory
    // lock per organization (the second waits, then finds nothing to change).
    bool locked = false;
    if (m_db.isPostgres()) {
        if (auto r = m_db.run(QStringLiteral("SELECT pg_advisory_lock(hashtext(?))"),
                              {QString(QStringLiteral("orgward-sync:") + m_o.orgKey)});
            !r)
            return r.error();
        locked = true;
    }
    auto unlock = [&] {
        if (locked)
            (void)m_db.run(QStringLiteral("SELECT pg_advisory_unlock(hashtext(?))"),
                           {QString(QStringLiteral("orgward-sync:") + m_o.orgKey)});
    };
    if (m_o.dryRun)
        if (auto r = m_db.begin(); !r) {
            unlock();
            return r.error();
        }
    auto abort = [&](const Error &e) -> Result<SyncSummary> {
        if (m_o.dryRun) m_db.rollback();
        unlock();
        return e;
    };
    SyncState state(m_db);
    if (auto r = state.ensureOrg({m_o.orgKey, m_o.orgName, QString(), QStringLiteral("live"), 0}); !r)
        return abort(r.error());
    auto run = state.beginRun(m_o.orgKey, QStringLiteral("sync"), m_o.dryRun);
    if (!run) return abort(run.error());
    m_summary.runId = *run;

    // A dry run keeps every page inside its one transaction, on this thread.
    m_cursors.clear();
    m_unfinished.reset();
    if (!m_o.dryRun && m_db.transactionDepth() == 0) {
        auto stored = state.cursors(m_o.orgKey);
        if (!stored) return abort(stored.error());
        for (const CursorState &c : std::as_const(*stored))
            m_cursors.insert(c.endpoint, c);
        m_committer = std::make_unique<PageCommitter>(m_db, m_o.orgKey);
    }
    const auto dropCommitter = qScopeGuard([this] {
        m_committer.reset(); // waits for a page in flight
        m_unfinished.reset();
    });

    QList<EndpointRef> plan = organizationPlan(m_o.endpoints);
    for (qsizetype i = 0; i < plan.size() && !cancelled(); ++i)
        finishEndpoint(syncChain(plan[i]));
    (void)settle(nullptr); // the project list is read back from the store
    bool projectsDone = false;
    EndpointRef projectsRef;
    projectsRef.kind = EndpointKind::Projects;
    for (const EndpointResult &e : std::as_const(m_summary.endpoints))
        if (e.endpoint == projectsRef.cursorKey()) projectsDone = e.status == u"ok";
    if (projectsDone && !cancelled()) {
        auto list = projects();
        if (!list) return abort(list.error());
        for (const auto &[id, status] : std::as_const(*list)) {
            const QList<EndpointRef> sub = projectPlan(id, m_o.endpoints);
            for (const EndpointRef &ref : sub) {
                if (cancelled()) break;
                if (status == u"archived") continue; // the API answers 400 for archived projects' sub-lists
                finishEndpoint(syncChain(ref));
            }
        }
    }
    const QList<EndpointRef> tail = trailingPlan(m_o.endpoints);
    for (const EndpointRef &ref : tail) {
        if (cancelled()) break;
        finishEndpoint(syncChain(ref));
    }
    (void)settle(nullptr);

    m_summary.requests = m_api.requestCount() - requests0;
    m_summary.retries = m_api.retryCount() - retries0;
    m_summary.elapsedMs = m_elapsed.elapsed();
    int ok = 0;
    for (const EndpointResult &e : std::as_const(m_summary.endpoints))
        if (e.status != u"failed") ++ok;
    if (cancelled())
        m_summary.status = QStringLiteral("cancelled");
    else if (m_summary.failed == 0)
        m_summary.status = QStringLiteral("complete");
    else if (ok > 0)
        m_summary.status = QStringLiteral("partial");
    else
        m_summary.status = QStringLiteral("failed");
    m_summary.message = QStringLiteral("%1 endpoints, %2 failed, %3 rows, %4 requests, %5 retries")
                            .arg(m_summary.endpoints.size())
                            .arg(m_summary.failed)
                            .arg(m_summary.rows())
                            .arg(m_summary.requests)
                            .arg(m_summary.retries);

    QJsonObject perEndpoint, cursors;
    QJsonArray errors;
    for (const EndpointResult &e : std::as_const(m_summary.endpoints)) {
        perEndpoint.insert(e.endpoint, QJsonObject{{QStringLiteral("status"), e.status},
                                                   {QStringLiteral("pages"), e.pages},
                                                   {QStringLiteral("rows"), e.rows},
                                                   {QStringLiteral("added"), e.counts.added},
                                                   {QStringLiteral("changed"), e.counts.changed},
                                                   {QStringLiteral("gone"), e.counts.gone}});
        cursors.insert(e.endpoint, QJsonObject{{QStringLiteral("next_page"), e.nextPage},
                                               {QStringLiteral("window_end"), e.windowEnd}});
        if (!e.error.isEmpty()) errors.append(e.error);
    }
    if (auto r = state.finishRun(m_summary.runId, m_summary.status, perEndpoint, errors, cursors,
                                 m_summary.requests, m_summary.retries, m_summary.message);
        !r)
        return abort(r.error());
    if (m_o.dryRun) m_db.rollback();
    unlock();
    return m_summary;
}

EndpointResult SyncEngine::syncChain(const EndpointRef &ref)
{
    EndpointResult res;
    res.endpoint = ref.cursorKey();
    if (m_authFailedKinds.contains(ref.kind)) {
        res.status = QStringLiteral("failed");
        res.authError = true;
        res.error = QStringLiteral("%1: skipped, the key was refused on an earlier %2 request")
                        .arg(ref.path(), EndpointRef::kindName(ref.kind));
        return res;
    }
    SyncState state(m_db);
    PageProcessor processor(m_db, m_o.orgKey);
    const bool overlap = m_committer != nullptr;
    CursorState c;
    if (overlap) {
        c = m_cursors.value(res.endpoint);
        c.endpoint = res.endpoint;
    } else {
        auto cur = state.cursor(m_o.orgKey, res.endpoint);
        if (!cur) {
            res.status = QStringLiteral("failed");
            res.error = cur.errorMessage();
            return res;
        }
        c = *cur;
    }
    auto failWith = [&](QString message) {
        // A page that failed to commit is the first thing wrong: the chain stopped there.
        if (auto s = settle(&res); !s) message = s.errorMessage();
        recordFailure(res, message);
        return res;
    };

    // Cancelled: not an error of the endpoint (no error count on its cursor); the chain stays at its last
    // committed page and the next run resumes there.
    auto cancelledHere = [&]() {
        if (auto s = settle(&res); !s) return failWith(s.errorMessage());
        res.status = QStringLiteral("cancelled");
        res.error = QStringLiteral("%1: cancelled").arg(ref.path());
        if (auto now = state.cursor(m_o.orgKey, res.endpoint)) {
            res.nextPage = now->nextPage;
            res.windowEnd = now->windowEnd;
        }
        return res;
    };

    const bool resuming = !c.nextPage.isEmpty() && !c.passId.isEmpty();
    QString requestCursor = resuming ? c.nextPage : QString();
    const QString passId = resuming ? c.passId : QUuid::createUuid().toString(QUuid::WithoutBraces);
    QUrlQuery base;
    // Cursor lists page with after=<id of the last object>, audit logs included. The contract is
    // ambiguous there (reference §2.1/§9): the list is newest first; the spec words `after` as "the next
    // page" and `before` as "the previous page" (towards newer events), while Elastic's integration sends
    // before=<last_id>. Under the spec's wording that would re-read the page it came from, so Orgward
    // follows the spec (after), as for every other list. Overlap between pages would be harmless (the
    // upsert is by id) but missing events would not, and `after` is the word whose spec meaning walks
    // towards older events. The local server implements both words as the spec describes
    // (tests/fakeapi: listPagingCoversEveryObjectOnce, auditLogBeforePagesTowardsNewerEvents).
    const QString cursorParam = ref.isBucketed() ? QStringLiteral("page") : QStringLiteral("after");
    if (ref.isBucketed()) {
        const qint64 end = alignDay(m_now) + 86400;
        qint64 start;
        if (resuming && c.windowStart > 0)
            start = c.windowStart;
        else if (c.windowEnd > 0)
            start = std::max(alignDay(m_o.since), alignDay(c.windowEnd) - qint64(m_o.trailingDays) * 86400);
        else
            start = m_o.since > 0 ? alignDay(m_o.since) : alignDay(m_now) - qint64(m_o.historyDays) * 86400;
        start = std::min(start, end - 86400);
        base = bucketQuery(ref, start, end,
                           ref.kind == EndpointKind::Costs ? m_o.costBucketLimit : m_o.usageBucketLimit);
    } else {
        base = listQuery(ref, m_o.listLimit);
        if (ref.kind == EndpointKind::AuditLogs) {
            // Incremental by effective_at: newest first, so a fresh chain asks for everything at or after
            // the newest event already stored (ties share a second; the upsert de-duplicates by id). The
            // filter a chain started with is kept in window_start so a resumed chain repeats it.
            qint64 gte = resuming ? c.windowStart : c.windowEnd;
            if (!resuming && !m_o.dryRun) {
                c.windowStart = gte;
                if (auto s = settle(&res); !s) return failWith(s.errorMessage());
                if (auto r = state.saveCursor(m_o.orgKey, c); !r) return failWith(r.errorMessage());
                if (overlap) m_cursors.insert(res.endpoint, c);
            }
            if (gte > 0) base.addQueryItem(QStringLiteral("effective_at%5Bgte%5D"), QString::number(gte));
        }
    }

    QSet<QString> seenCursors;
    if (!requestCursor.isEmpty()) seenCursors.insert(requestCursor);
    int badBodies = 0;
    // The request for the next page goes out before the current page is written (its cursor is known
    // once the page is parsed), so downloading and writing overlap. Whatever ends the chain early drops it.
    quint64 prefetched = 0;
    const auto dropPrefetch = qScopeGuard([&] {
        if (prefetched) m_api.forget(prefetched);
    });
    for (;;) {
        if (cancelled()) return cancelledHere();
        if (res.pages >= m_o.pageCap)
            return failWith(QStringLiteral("%1: more than %2 pages; stopping instead of looping (raise the "
                                           "page cap if this org is that large)")
                                .arg(ref.path())
                                .arg(m_o.pageCap));
        QUrlQuery q = base;
        if (!requestCursor.isEmpty()) q.addQueryItem(cursorParam, requestCursor);
        const ApiReply reply = prefetched ? m_api.await(std::exchange(prefetched, 0), m_cancel)
                                          : m_api.fetch(ref.path(), q, m_cancel);
        if (!reply.ok) {
            if (reply.error.code == Error::Code::Cancelled || cancelled()) return cancelledHere();
            if (reply.error.code == Error::Code::Auth) {
                m_authFailedKinds.insert(ref.kind);
                res.authError = true;
            }
            if (auto s = settle(&res); !s) return failWith(s.errorMessage());
            if (reply.status == 400 && ref.isProjectScoped()) {
                res.status = QStringLiteral("skipped");
                res.error = QStringLiteral("%1: skipped, the API answers 400 (archived project?): %2")
                                .arg(ref.path(), ApiClient::serverMessage(reply.body));
                return res;
            }
            if (reply.status == 404 && ref.kind == EndpointKind::AuditLogs) {
                res.status = QStringLiteral("skipped");
                res.error =
                    QStringLiteral("%1: audit logging is not enabled for this organization (HTTP 404)")
                        .arg(ref.path());
                return res;
            }
            return failWith(reply.error.message);
        }
        auto page = parsePage(ref, reply.body, m_now, m_o.finalizationGraceSecs);
        if (!page) {
            // A body cut short arrives as invalid JSON: fetch the same page again a couple of times.
            if (page.errorMessage().startsWith(QLatin1String("not valid JSON")) && ++badBodies <= 2) continue;
            return failWith(QStringLiteral("%1 (page %2): %3")
                                .arg(ref.path())
                                .arg(res.pages + 1)
                                .arg(page.errorMessage()));
        }
        badBodies = 0;
        if (page->hasMore && seenCursors.contains(page->nextCursor))
            return failWith(
                QStringLiteral("%1: the server returned the cursor '%2' a second time; refusing to loop")
                    .arg(ref.path(), page->nextCursor));
        if (page->hasMore && !cancelled()) {
            QUrlQuery next = base;
            next.addQueryItem(cursorParam, page->nextCursor);
            prefetched = m_api.start(ref.path(), next);
        }
        if (overlap) {
            // Committed on the helper thread while the next page (or the next chain's first) downloads and
            // parses. The cursor it leaves is the one this run has been advancing.
            if (auto g = PageProcessor::checkGuards(ref, requestCursor, *page); !g)
                return failWith(g.errorMessage());
            const qint64 now = Clock::nowSecs();
            CursorState after = PageProcessor::advance(m_cursors.value(res.endpoint, c), ref, requestCursor,
                                                       *page, passId, now);
            m_cursors.insert(res.endpoint, after);
            const bool more = page->hasMore;
            const QString next = page->nextCursor;
            // Cells first, while the page before is still being written; then wait for it.
            PageCommitter::Batch batch = m_committer->prepare(ref, *page, std::move(after), now);
            if (auto s = settle(&res); !s) return failWith(s.errorMessage());
            m_committer->submit(std::move(batch));
            ++res.pages;
            if (!more) break;
            requestCursor = next;
            seenCursors.insert(requestCursor);
            continue;
        }
        TableCounts counts;
        if (auto r = processor.apply(ref, requestCursor, *page, passId, counts); !r)
            return failWith(r.errorMessage());
        ++res.pages;
        account(res, counts);
        if (!page->hasMore) break;
        requestCursor = page->nextCursor;
        seenCursors.insert(requestCursor);
    }
    res.status = QStringLiteral("ok");
    if (overlap) {
        res.windowEnd = m_cursors.value(res.endpoint).windowEnd; // its last page may still be landing
    } else if (auto after = state.cursor(m_o.orgKey, res.endpoint)) {
        res.windowEnd = after->windowEnd;
    }
    return res;
}

} // namespace orgward
