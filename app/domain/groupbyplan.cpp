#include "groupbyplan.h"

#include "endpoint.h"

#include <algorithm>

namespace orgward {

namespace {
QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}
} // namespace

const QList<GroupByNeed> &groupByNeeds()
{
    const QString costs = QStringLiteral("costs");
    static const QList<GroupByNeed> needs{
        {QStringLiteral("Dashboard totals, exact org-wide sums"), {}, {}},
        {QStringLiteral("Dashboard spend"), {costs}, {}},
        {QStringLiteral("Projects pane: usage and spend per project"), {}, {QStringLiteral("project_id")}},
        {QStringLiteral("Projects pane: spend per project"), {costs}, {QStringLiteral("project_id")}},
        {QStringLiteral("Usage pane: stack by model"),
         {QStringLiteral("completions"), QStringLiteral("embeddings"), QStringLiteral("moderations"),
          QStringLiteral("audio_speeches"), QStringLiteral("audio_transcriptions")},
         {QStringLiteral("model")}},
        {QStringLiteral("Usage pane: stack by model, per project"),
         {QStringLiteral("completions"), QStringLiteral("embeddings"), QStringLiteral("moderations"),
          QStringLiteral("audio_speeches"), QStringLiteral("audio_transcriptions")},
         sorted({QStringLiteral("model"), QStringLiteral("project_id")})},
        {QStringLiteral("Usage pane: stack by member, API key, service tier or batch"),
         {QStringLiteral("completions")},
         sorted({QStringLiteral("api_key_id"), QStringLiteral("batch"), QStringLiteral("service_tier"),
                 QStringLiteral("user_id")})},
        {QStringLiteral("Usage pane: stack by member or API key"),
         {QStringLiteral("embeddings"), QStringLiteral("moderations"), QStringLiteral("audio_speeches"),
          QStringLiteral("audio_transcriptions")},
         sorted({QStringLiteral("api_key_id"), QStringLiteral("user_id")})},
        {QStringLiteral("Usage pane: images by model, size and source"),
         {QStringLiteral("images")},
         sorted({QStringLiteral("model"), QStringLiteral("size"), QStringLiteral("source")})},
        {QStringLiteral("Usage pane: file search by vector store"),
         {QStringLiteral("file_search_calls")},
         {QStringLiteral("vector_store_id")}},
        {QStringLiteral("Usage pane: web search by model and context level"),
         {QStringLiteral("web_search_calls")},
         sorted({QStringLiteral("context_level"), QStringLiteral("model")})},
        {QStringLiteral("Costs pane: stack by line item"), {costs}, {QStringLiteral("line_item")}},
        {QStringLiteral("Costs pane: line items per project"),
         {costs},
         sorted({QStringLiteral("line_item"), QStringLiteral("project_id")})},
        {QStringLiteral("Costs pane: spend per API key"), {costs}, {QStringLiteral("api_key_id")}},
    };
    return needs;
}

QList<QStringList> groupBySetsFor(const QString &kind)
{
    const bool costs = kind == u"costs";
    const QStringList accepted = groupByDimensions(kind);
    QList<QStringList> out;
    for (const GroupByNeed &n : groupByNeeds()) {
        const bool applies = n.kinds.isEmpty() ? !costs : n.kinds.contains(kind);
        if (!applies) continue;
        const bool offered = std::all_of(n.groupBy.cbegin(), n.groupBy.cend(),
                                         [&accepted](const QString &d) { return accepted.contains(d); });
        if (offered && !out.contains(n.groupBy)) out << n.groupBy;
    }
    return out;
}

} // namespace orgward
