#include "pageprocessor.h"

#include "core/clock.h"

namespace orgward {

QJsonObject countsToJson(const TableCounts &counts)
{
    QJsonObject o;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        o.insert(it.key(), QJsonObject{{QStringLiteral("added"), it->added},
                                       {QStringLiteral("changed"), it->changed},
                                       {QStringLiteral("unchanged"), it->unchanged},
                                       {QStringLiteral("gone"), it->gone}});
    return o;
}

Status PageProcessor::checkGuards(const EndpointRef &ref, const QString &requestCursor,
                                  const ParsedPage &page)
{
    if (!page.hasMore) return {};
    if (page.nextCursor.isEmpty())
        return err(Error::Code::Parse,
                   QStringLiteral("%1: has_more is true but the page gives no cursor to continue from; "
                                  "refusing to stop silently")
                       .arg(ref.path()));
    if (page.nextCursor == requestCursor)
        return err(Error::Code::Parse,
                   QStringLiteral("%1: the server returned the cursor '%2' again; refusing to loop")
                       .arg(ref.path(), page.nextCursor));
    return {};
}

CursorState PageProcessor::advance(CursorState c, const EndpointRef &ref, const QString &requestCursor,
                                   const ParsedPage &page, const QString &newPassId, qint64 now)
{
    const bool continuing = !requestCursor.isEmpty() && c.nextPage == requestCursor && !c.passId.isEmpty();
    c.passId = continuing ? c.passId : newPassId;
    if (page.hasMore) {
        c.nextPage = page.nextCursor;
    } else {
        c.nextPage.clear();
        c.lastSyncedAt = now;
        c.errorCount = 0;
        c.lastError.clear();
        ++c.version;
    }
    if (ref.kind == EndpointKind::AuditLogs && page.maxTime > c.windowEnd) c.windowEnd = page.maxTime;
    // Bucketed endpoints: the window is the whole span ever fetched. Pages run forward in time, so
    // window_end only moves past buckets whose page has been committed.
    if (ref.isBucketed() && page.itemCount > 0) {
        c.windowStart = c.windowStart == 0 ? page.minTime : std::min(c.windowStart, page.minTime);
        c.windowEnd = std::max(c.windowEnd, page.maxTime);
    }
    return c;
}

PageProcessor::PreparedPage PageProcessor::prepare(const EndpointRef &ref, const ParsedPage &page,
                                                   CursorState after, qint64 now) const
{
    PreparedPage p;
    const bool pg = m_db.isPostgres();
    p.rows = RowWriter::prepare(tableSpec(ref.kind), pg, m_orgKey, page.rows, after.passId, now);
    if (!page.certificateEvents.isEmpty())
        p.events = RowWriter::prepare(certificateEventsSpec(), pg, m_orgKey, page.certificateEvents,
                                      after.passId, now);
    p.ref = ref;
    p.complete = !page.hasMore;
    p.after = std::move(after);
    p.now = now;
    return p;
}

Result<TableCounts> PageProcessor::land(const PreparedPage &p)
{
    RowWriter writer(m_db);
    const TableSpec &spec = tableSpec(p.ref.kind);
    TableCounts counts;
    auto rows = writer.write(*p.rows);
    if (!rows) return rows.error();
    counts[spec.table] += *rows;
    if (p.events) {
        auto events = writer.write(*p.events);
        if (!events) return events.error();
        counts[certificateEventsSpec().table] += *events;
    }
    if (p.complete && !spec.goneColumn.isEmpty()) {
        auto gone = writer.markGone(spec, m_orgKey, p.ref.scopeValues(), p.after.passId, p.now);
        if (!gone) return gone.error();
        counts[spec.table].gone += *gone;
        for (EndpointKind child : childKinds(p.ref.kind)) {
            const TableSpec &c = tableSpec(child);
            auto orphans = writer.markOrphansGone(c, spec, m_orgKey, p.now);
            if (!orphans) return orphans.error();
            if (*orphans > 0) counts[c.table].gone += *orphans;
        }
    }
    if (p.complete && p.reach == Reach::Record)
        if (auto r = m_state.saveAuditReach(m_orgKey, p.after.passId, p.now); !r) return r.error();
    if (auto r = m_state.saveCursor(m_orgKey, p.after); !r) return r.error();
    return counts;
}

Status PageProcessor::apply(const EndpointRef &ref, const QString &requestCursor, const ParsedPage &page,
                            const QString &newPassId, TableCounts &counts, Reach reach)
{
    auto cur = m_state.cursor(m_orgKey, ref.cursorKey());
    if (!cur) return cur.error();
    if (auto g = checkGuards(ref, requestCursor, page); !g) return g;
    const qint64 now = Clock::nowSecs();
    PreparedPage prepared = prepare(ref, page, advance(*cur, ref, requestCursor, page, newPassId, now), now);
    prepared.reach = reach;
    if (auto r = m_db.begin(); !r) return r;
    auto landed = land(prepared);
    if (!landed) {
        m_db.rollback();
        return landed.error();
    }
    if (auto r = m_db.commit(); !r) return r;
    for (auto it = landed->cbegin(); it != landed->cend(); ++it)
        counts[it.key()] += it.value();
    return {};
}

} // namespace orgward
