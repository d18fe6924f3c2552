#include "syncengine.h"

#include "runrecord.h"

#include "core/clock.h"
#include "core/logging.h"
#include "core/sanitizer.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSet>
#include <QUuid>

namespace orgward {

namespace {
// A body cut short arrives as invalid JSON: the same page is fetched again this many times.
constexpr int kBadBodyRetries = 2;
constexpr int kHttpBadRequest = 400;
constexpr int kHttpUnauthorized = 401;
constexpr int kHttpNotFound = 404;
} // namespace

// One chain in progress: where it starts, the query its pages repeat, and the paging state.
struct SyncEngine::Chain
{
    EndpointRef ref;
    EndpointResult res;
    CursorState cursor; // as the chain started
    bool resuming = false;
    QString passId;
    QUrlQuery base;      // every page's query but the cursor
    QString cursorParam; // after (lists) or page (bucketed)
    QString requestCursor;
    QSet<QString> seenCursors;
    int badBodies = 0;
    // Audit logs read without an effective_at filter: the chain's end records how far back the API reaches.
    bool wholeAuditRead = false;
    // The request for the next page goes out before the current page is written (its cursor is known
    // once the page is parsed), so downloading and writing overlap. Whatever ends the chain early drops it.
    quint64 prefetched = 0;
};

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
    r.error = Sanitizer::mask(r.error); // it may quote the server's answer
    if (r.status == EndpointStatus::Failed) ++m_summary.failed;
    if (r.authError) m_summary.authFailure = true;
    qCInfo(lcSync).noquote()
        << QStringLiteral("sync endpoint=%1 status=%2 pages=%3 rows=%4 added=%5 changed=%6 unchanged=%7 "
                          "gone=%8 next_page=%9 window_end=%10%11")
               .arg(r.endpoint, statusText(r.status))
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
    reportProgress(m_summary.endpoints.constLast(), true);
}

void SyncEngine::account(EndpointResult &r, const TableCounts &counts)
{
    for (const WriteCounts &w : std::as_const(counts)) {
        r.counts += w;
        r.rows += w.seen();
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        m_summary.counts[it.key()] += it.value();
    ++m_pagesDone;
    reportProgress(r, false);
}

void SyncEngine::reportProgress(const EndpointResult &current, bool finished)
{
    if (!onProgress) return;
    qint64 total = 0;
    for (const EndpointResult &e : std::as_const(m_summary.endpoints))
        total += e.rows;
    SyncProgress p;
    p.endpoint = current.endpoint;
    p.page = current.pages;
    p.rows = current.rows;
    p.totalRows = finished ? total : total + current.rows;
    p.endpointsDone = int(m_summary.endpoints.size());
    p.elapsedMs = m_elapsed.elapsed();
    p.endpointsTotal = m_plannedTotal;
    p.pagesDone = m_pagesDone;
    onProgress(p);
}

void SyncEngine::recordFailure(EndpointResult &r, const QString &message)
{
    r.status = EndpointStatus::Failed;
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
    m_requests0 = m_api.requestCount();
    m_retries0 = m_api.retryCount();
    m_bodyRetries = 0;
    m_plannedTotal = 0;
    m_pagesDone = 0;
    m_locked = m_dryRunOpen = false;
    m_cursors.clear();
    m_unfinished.reset();
    const auto dropCommitter = qScopeGuard([this] {
        m_committer.reset(); // waits for a page in flight
        m_unfinished.reset();
    });
    if (auto s = beginRun(); !s) return abortRun(s.error());
    if (auto s = syncPlan(); !s) return abortRun(s.error());
    summarise();
    if (auto s = finishRun(); !s) return abortRun(s.error());
    return m_summary;
}

Status SyncEngine::beginRun()
{
    SyncState state(m_db);
    auto locked = state.lockOrgForSync(m_o.orgKey);
    if (!locked) return locked.error();
    m_locked = *locked;
    // A dry run keeps every page inside its one transaction, on this thread.
    if (m_o.dryRun) {
        if (auto r = m_db.begin(); !r) return r;
        m_dryRunOpen = true;
    }
    if (auto r = state.ensureOrg({m_o.orgKey, m_o.orgName, QString(), QStringLiteral("live"), 0}); !r)
        return r;
    auto run = state.beginRun(m_o.orgKey, QStringLiteral("sync"), m_o.dryRun);
    if (!run) return run.error();
    m_summary.runId = *run;
    if (!m_o.dryRun && m_db.transactionDepth() == 0) {
        auto stored = state.cursors(m_o.orgKey);
        if (!stored) return stored.error();
        for (const CursorState &c : std::as_const(*stored))
            m_cursors.insert(c.endpoint, c);
        m_committer = std::make_unique<PageCommitter>(m_db, m_o.orgKey);
    }
    return {};
}

Error SyncEngine::abortRun(const Error &e)
{
    m_committer.reset();
    m_unfinished.reset();
    if (m_dryRunOpen) m_db.rollback();
    m_dryRunOpen = false;
    if (m_locked) SyncState(m_db).unlockOrgForSync(m_o.orgKey);
    m_locked = false;
    return e;
}

Status SyncEngine::syncPlan()
{
    // The parent lists first (projects, users, groups): the sub-lists of the plan come from what they
    // stored, so from their end on the run knows how many chains it has (SyncProgress::endpointsTotal).
    QList<EndpointRef> organizationLists = organizationPlan(m_o.endpoints);
    for (EndpointKind parent : {EndpointKind::Projects, EndpointKind::Users, EndpointKind::Groups}) {
        const auto it = std::find_if(organizationLists.cbegin(), organizationLists.cend(),
                                     [parent](const EndpointRef &r) { return r.kind == parent; });
        if (it == organizationLists.cend()) continue;
        const EndpointRef ref = *it;
        organizationLists.erase(it);
        if (stopping()) return settle(nullptr);
        finishEndpoint(syncChain(ref));
        if (auto s = settle(nullptr); !s) return s; // the parent list is read back from the store
    }
    if (stopping()) return {};
    auto rest = planAfterParents(organizationLists);
    if (!rest) return rest.error();
    m_plannedTotal = int(m_summary.endpoints.size() + rest->size());
    for (const EndpointRef &ref : std::as_const(*rest)) {
        if (stopping()) break;
        finishEndpoint(syncChain(ref));
    }
    return settle(nullptr);
}

bool SyncEngine::chainSucceeded(EndpointKind kind) const
{
    EndpointRef ref;
    ref.kind = kind;
    const QString key = ref.cursorKey();
    return std::any_of(
        m_summary.endpoints.cbegin(), m_summary.endpoints.cend(),
        [&](const EndpointResult &e) { return e.endpoint == key && e.status == EndpointStatus::Ok; });
}

Result<QList<EndpointRef>> SyncEngine::planAfterParents(const QList<EndpointRef> &organizationLists)
{
    QList<EndpointRef> plan = organizationLists;
    SyncState state(m_db);
    if (chainSucceeded(EndpointKind::Projects)) {
        auto list = state.liveProjects(m_o.orgKey);
        if (!list) return list.error();
        for (const ProjectRef &p : std::as_const(*list))
            if (!p.archived) plan << projectPlan(p.id, m_o.endpoints);
    }
    if (chainSucceeded(EndpointKind::Groups)) {
        auto groups = state.liveIds(m_o.orgKey, SyncState::Parent::Groups);
        if (!groups) return groups.error();
        for (const QString &id : std::as_const(*groups))
            plan << groupPlan(id, m_o.endpoints);
    }
    if (chainSucceeded(EndpointKind::Users)) {
        auto users = state.liveIds(m_o.orgKey, SyncState::Parent::Users);
        if (!users) return users.error();
        for (const QString &id : std::as_const(*users))
            plan << userPlan(id, m_o.endpoints);
    }
    plan << trailingPlan(m_o.endpoints);
    return plan;
}

void SyncEngine::summarise()
{
    m_summary.requests = m_api.requestCount() - m_requests0;
    m_summary.retries = m_api.retryCount() - m_retries0 + m_bodyRetries;
    m_summary.elapsedMs = m_elapsed.elapsed();
    const bool anyOk =
        std::any_of(m_summary.endpoints.cbegin(), m_summary.endpoints.cend(),
                    [](const EndpointResult &e) { return e.status != EndpointStatus::Failed; });
    if (cancelled())
        m_summary.status = SyncStatus::Cancelled;
    else if (m_summary.failed == 0)
        m_summary.status = SyncStatus::Complete;
    else if (anyOk)
        m_summary.status = SyncStatus::Partial;
    else
        m_summary.status = SyncStatus::Failed;
    m_summary.message = QStringLiteral("%1 endpoints, %2 failed, %3 rows, %4 requests, %5 retries")
                            .arg(m_summary.endpoints.size())
                            .arg(m_summary.failed)
                            .arg(m_summary.rows())
                            .arg(m_summary.requests)
                            .arg(m_summary.retries);
    if (!m_summary.keyRefusedAt.isEmpty())
        m_summary.message +=
            QStringLiteral("; stopped at %1: the admin key was refused").arg(m_summary.keyRefusedAt);
}

Status SyncEngine::finishRun()
{
    QJsonObject perEndpoint, cursors;
    QJsonArray errors;
    for (const EndpointResult &e : std::as_const(m_summary.endpoints)) {
        perEndpoint.insert(e.endpoint, QJsonObject{{QStringLiteral("status"), statusText(e.status)},
                                                   {QStringLiteral("pages"), e.pages},
                                                   {QStringLiteral("rows"), e.rows},
                                                   {QStringLiteral("added"), e.counts.added},
                                                   {QStringLiteral("changed"), e.counts.changed},
                                                   {QStringLiteral("gone"), e.counts.gone}});
        cursors.insert(e.endpoint, QJsonObject{{QStringLiteral("next_page"), e.nextPage},
                                               {QStringLiteral("window_end"), e.windowEnd}});
        if (!e.error.isEmpty()) errors.append(e.error);
    }
    const QJsonObject journal{{QStringLiteral("run_id"), m_summary.runId},
                              {QStringLiteral("status"), statusText(m_summary.status)},
                              {QStringLiteral("dry_run"), m_o.dryRun},
                              {QStringLiteral("endpoints"), m_summary.endpoints.size()},
                              {QStringLiteral("failed_endpoints"), m_summary.failed},
                              {QStringLiteral("requests"), m_summary.requests},
                              {QStringLiteral("rows"), m_summary.rows()}};
    auto finish = [&] {
        return SyncState(m_db).finishRun(m_summary.runId, m_summary.status, perEndpoint, errors, cursors,
                                         m_summary.requests, m_summary.retries, m_summary.message);
    };
    if (auto r = finishRunJournaled(m_db, finish, JournalKind::Sync, m_o.orgKey, journal); !r) return r;
    if (m_dryRunOpen) m_db.rollback();
    m_dryRunOpen = false;
    if (m_locked) SyncState(m_db).unlockOrgForSync(m_o.orgKey);
    m_locked = false;
    return {};
}

EndpointResult SyncEngine::syncChain(const EndpointRef &ref)
{
    Chain ch;
    ch.ref = ref;
    ch.res.endpoint = ref.cursorKey();
    if (!openChain(ch)) return ch.res;
    const auto dropPrefetch = qScopeGuard([&] {
        if (ch.prefetched) m_api.forget(ch.prefetched);
    });
    if (auto s = chainQuery(ch); !s) return failChain(ch, s.errorMessage());
    for (;;) {
        if (cancelled()) return cancelChain(ch);
        if (ch.res.pages >= m_o.pageCap)
            return failChain(ch, QStringLiteral("%1: more than %2 pages; stopping instead of looping (raise "
                                                "the page cap if this org is that large)")
                                     .arg(ref.path())
                                     .arg(m_o.pageCap));
        const ApiReply reply = fetchPage(ch);
        if (!reply.ok) return replyFailure(ch, reply);
        auto page = parsePage(ref, reply.body, m_now, m_o.finalizationGraceSecs);
        if (!page) {
            if (page.errorMessage().startsWith(QLatin1String("not valid JSON")) &&
                ++ch.badBodies <= kBadBodyRetries) {
                // A body cut short can also arrive as a complete reply (the server closed the connection
                // where Qt took it for the end of the body): fetched again here, and counted as a retry.
                ++m_bodyRetries;
                continue;
            }
            return failChain(ch, QStringLiteral("%1 (page %2): %3")
                                     .arg(ref.path())
                                     .arg(ch.res.pages + 1)
                                     .arg(page.errorMessage()));
        }
        ch.badBodies = 0;
        if (page->hasMore && ch.seenCursors.contains(page->nextCursor))
            return failChain(
                ch, QStringLiteral("%1: the server returned the cursor '%2' a second time; refusing to loop")
                        .arg(ref.path(), page->nextCursor));
        if (page->hasMore && !cancelled()) {
            QUrlQuery next = ch.base;
            next.addQueryItem(ch.cursorParam, page->nextCursor);
            ch.prefetched = m_api.start(ref.path(), next);
        }
        const bool more = page->hasMore;
        const QString nextCursor = page->nextCursor;
        if (auto s = landPage(ch, *page); !s) return failChain(ch, s.errorMessage());
        if (!more) break;
        ch.requestCursor = nextCursor;
        ch.seenCursors.insert(ch.requestCursor);
    }
    return chainDone(ch);
}

bool SyncEngine::openChain(Chain &ch)
{
    if (m_authFailedKinds.contains(ch.ref.kind)) {
        ch.res.status = EndpointStatus::Failed;
        ch.res.authError = true;
        ch.res.error = QStringLiteral("%1: skipped, the key was refused on an earlier %2 request")
                           .arg(ch.ref.path(), EndpointRef::kindName(ch.ref.kind));
        return false;
    }
    if (m_committer) {
        ch.cursor = m_cursors.value(ch.res.endpoint);
        ch.cursor.endpoint = ch.res.endpoint;
    } else {
        auto cur = SyncState(m_db).cursor(m_o.orgKey, ch.res.endpoint);
        if (!cur) {
            ch.res.status = EndpointStatus::Failed;
            ch.res.error = cur.errorMessage();
            return false;
        }
        ch.cursor = *cur;
    }
    const CursorState &c = ch.cursor;
    // A whole read asked for replaces an incremental audit chain left unfinished (window_start is the
    // filter it started with); an unfinished whole read (window_start 0) is resumed.
    const bool restartWhole =
        m_o.fullAuditRead && ch.ref.kind == EndpointKind::AuditLogs && c.windowStart > 0;
    ch.resuming = !c.nextPage.isEmpty() && !c.passId.isEmpty() && !restartWhole;
    ch.requestCursor = ch.resuming ? c.nextPage : QString();
    ch.passId = ch.resuming ? c.passId : QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!ch.requestCursor.isEmpty()) ch.seenCursors.insert(ch.requestCursor);
    return true;
}

Status SyncEngine::chainQuery(Chain &ch)
{
    const EndpointRef &ref = ch.ref;
    CursorState &c = ch.cursor;
    // Cursor lists page with after=<id of the last object>, audit logs included. The contract is
    // ambiguous there (reference §2.1/§9): the list is newest first; the spec words `after` as "the next
    // page" and `before` as "the previous page" (towards newer events), while Elastic's integration sends
    // before=<last_id>. Under the spec's wording that would re-read the page it came from, so Orgward
    // follows the spec (after), as for every other list. Overlap between pages would be harmless (the
    // upsert is by id) but missing events would not, and `after` is the word whose spec meaning walks
    // towards older events. The local server implements both words as the spec describes
    // (tests/fakeapi: listPagingCoversEveryObjectOnce, auditLogBeforePagesTowardsNewerEvents).
    ch.cursorParam = ref.isBucketed() ? QStringLiteral("page") : QStringLiteral("after");
    if (ref.isBucketed()) {
        const qint64 end = alignDay(m_now) + kSecondsPerDay;
        qint64 start;
        if (ch.resuming && c.windowStart > 0)
            start = c.windowStart;
        else if (c.windowEnd > 0)
            start = std::max(alignDay(m_o.since),
                             alignDay(c.windowEnd) - qint64(m_o.trailingDays) * kSecondsPerDay);
        else
            start = m_o.since > 0 ? alignDay(m_o.since)
                                  : alignDay(m_now) - qint64(m_o.historyDays) * kSecondsPerDay;
        start = std::min(start, end - kSecondsPerDay);
        ch.base = bucketQuery(ref, start, end,
                              ref.kind == EndpointKind::Costs ? m_o.costBucketLimit : m_o.usageBucketLimit);
        return {};
    }
    ch.base = listQuery(ref, m_o.listLimit);
    if (ref.kind != EndpointKind::AuditLogs) return {};
    // Incremental by effective_at: newest first, so a fresh chain asks for everything at or after the
    // newest event already stored (ties share a second; the upsert de-duplicates by id). The filter a
    // chain started with is kept in window_start so a resumed chain repeats it. A whole read (the first,
    // or SyncOptions::fullAuditRead) has none; stored events it no longer returns stay (no gone column).
    const qint64 gte = ch.resuming ? c.windowStart : m_o.fullAuditRead ? 0 : c.windowEnd;
    ch.wholeAuditRead = gte == 0;
    if (!ch.resuming && !m_o.dryRun) {
        c.windowStart = gte;
        if (auto s = settle(&ch.res); !s) return s;
        if (auto r = SyncState(m_db).saveCursor(m_o.orgKey, c); !r) return r;
        if (m_committer) m_cursors.insert(ch.res.endpoint, c);
    }
    if (gte > 0) ch.base.addQueryItem(QStringLiteral("effective_at%5Bgte%5D"), QString::number(gte));
    return {};
}

ApiReply SyncEngine::fetchPage(Chain &ch)
{
    if (ch.prefetched) return m_api.await(std::exchange(ch.prefetched, 0), m_cancel);
    QUrlQuery q = ch.base;
    if (!ch.requestCursor.isEmpty()) q.addQueryItem(ch.cursorParam, ch.requestCursor);
    return m_api.fetch(ch.ref.path(), q, m_cancel);
}

EndpointResult SyncEngine::replyFailure(Chain &ch, const ApiReply &reply)
{
    if (reply.error.code == Error::Code::Cancelled || cancelled()) return cancelChain(ch);
    if (reply.error.code == Error::Code::Auth) {
        m_authFailedKinds.insert(ch.ref.kind);
        ch.res.authError = true;
        // Refused outright (revoked, wrong organization): every further request would be refused too.
        if (reply.status == kHttpUnauthorized) m_summary.keyRefusedAt = ch.res.endpoint;
    }
    if (auto s = settle(&ch.res); !s) return failChain(ch, s.errorMessage());
    if (reply.status == kHttpBadRequest && ch.ref.isProjectScoped()) {
        ch.res.status = EndpointStatus::Skipped;
        ch.res.error = QStringLiteral("%1: skipped, the API answers 400 (archived project?): %2")
                           .arg(ch.ref.path(), ApiClient::serverMessage(reply.body));
        return ch.res;
    }
    if (reply.status == kHttpNotFound) return notFound(ch, reply);
    return failChain(ch, reply.error.message);
}

EndpointResult SyncEngine::notFound(Chain &ch, const ApiReply &reply)
{
    switch (ch.ref.kind) {
    case EndpointKind::Users:
    case EndpointKind::Invites:
    case EndpointKind::Projects:
        // The core lists always exist: a 404 there means a wrong base URL or a key for another API.
        return failChain(ch, reply.error.message);
    case EndpointKind::AuditLogs:
        ch.res.status = EndpointStatus::Skipped;
        ch.res.error = QStringLiteral("%1: audit logging is not enabled for this organization (HTTP 404)")
                           .arg(ch.ref.path());
        return ch.res;
    case EndpointKind::SpendLimit: {
        // No hard limit configured: the answer is "none", so a stored limit that was removed goes too.
        if (auto s = landPage(ch, ParsedPage{}); !s) return failChain(ch, s.errorMessage());
        return chainDone(ch);
    }
    default:
        // Endpoints newer than the org's plan or not offered to it (RBAC, retention controls, a usage
        // kind): recorded as such, not a failure, so later runs are not partial because of it.
        ch.res.status = EndpointStatus::NotAvailable;
        ch.res.error = QStringLiteral("%1: not available for this organization (HTTP 404): %2")
                           .arg(ch.ref.path(), ApiClient::serverMessage(reply.body));
        return ch.res;
    }
}

Status SyncEngine::landPage(Chain &ch, const ParsedPage &page)
{
    if (!m_committer) {
        TableCounts counts;
        if (auto r = PageProcessor(m_db, m_o.orgKey)
                         .apply(ch.ref, ch.requestCursor, page, ch.passId, counts, reachOf(ch));
            !r)
            return r;
        ++ch.res.pages;
        account(ch.res, counts);
        return {};
    }
    // Committed on the helper thread while the next page (or the next chain's first) downloads and parses.
    // The cursor it leaves is the one this run has been advancing.
    if (auto g = PageProcessor::checkGuards(ch.ref, ch.requestCursor, page); !g) return g;
    const qint64 now = Clock::nowSecs();
    CursorState after = PageProcessor::advance(m_cursors.value(ch.res.endpoint, ch.cursor), ch.ref,
                                               ch.requestCursor, page, ch.passId, now);
    m_cursors.insert(ch.res.endpoint, after);
    // Cells first, while the page before is still being written; then wait for it.
    PageCommitter::Batch batch = m_committer->prepare(ch.ref, page, std::move(after), now);
    batch.reach = reachOf(ch);
    if (auto s = settle(&ch.res); !s) return s;
    m_committer->submit(std::move(batch));
    ++ch.res.pages;
    return {};
}

PageProcessor::Reach SyncEngine::reachOf(const Chain &ch)
{
    return ch.wholeAuditRead ? PageProcessor::Reach::Record : PageProcessor::Reach::Ignore;
}

EndpointResult SyncEngine::failChain(Chain &ch, QString message)
{
    // A page that failed to commit is the first thing wrong: the chain stopped there.
    if (auto s = settle(&ch.res); !s) message = s.errorMessage();
    recordFailure(ch.res, message);
    return ch.res;
}

EndpointResult SyncEngine::cancelChain(Chain &ch)
{
    // Not an error of the endpoint (no error count on its cursor); the chain stays at its last committed
    // page and the next run resumes there.
    if (auto s = settle(&ch.res); !s) return failChain(ch, s.errorMessage());
    ch.res.status = EndpointStatus::Cancelled;
    ch.res.error = QStringLiteral("%1: cancelled").arg(ch.ref.path());
    if (auto now = SyncState(m_db).cursor(m_o.orgKey, ch.res.endpoint)) {
        ch.res.nextPage = now->nextPage;
        ch.res.windowEnd = now->windowEnd;
    }
    return ch.res;
}

EndpointResult SyncEngine::chainDone(Chain &ch)
{
    ch.res.status = EndpointStatus::Ok;
    if (m_committer) {
        ch.res.windowEnd = m_cursors.value(ch.res.endpoint).windowEnd; // its last page may still be landing
    } else if (auto after = SyncState(m_db).cursor(m_o.orgKey, ch.res.endpoint)) {
        ch.res.windowEnd = after->windowEnd;
    }
    return ch.res;
}

} // namespace orgward
