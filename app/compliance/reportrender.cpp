#include "reportrender.h"
#include "core/instant.h"

#include "compliance/redaction.h"
#include "core/csvwriter.h"
#include "reportlayout.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace orgward {

namespace {
// Dots per inch the PDF is laid out at: fine enough that text metrics round invisibly.
constexpr int kPdfDpi = 288;

QPageLayout pageLayout(PageSize size)
{
    const QPageSize page(size == PageSize::Letter ? QPageSize::Letter : QPageSize::A4);
    // Landscape: an access review has a dozen columns.
    return QPageLayout(page, QPageLayout::Landscape, QMarginsF(0, 0, 0, 0));
}

QSizeF pagePixels(PageSize size, int dpi)
{
    const QSizeF points = pageLayout(size).fullRectPoints().size();
    return points * dpi / 72.0;
}

void setupWriter(QPdfWriter &w, const Report &r, PageSize size)
{
    w.setPageLayout(pageLayout(size));
    w.setResolution(kPdfDpi);
    w.setTitle(QStringLiteral("%1: %2").arg(r.meta.title, r.meta.orgName));
    w.setCreator(QStringLiteral("Orgward %1").arg(r.meta.version));
}

QJsonValue cellJson(const QVariant &v)
{
    if (v.isNull() || !v.isValid()) return QJsonValue::Null;
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return v.toLongLong();
    case QMetaType::Double:
        return v.toDouble();
    default:
        return v.toString();
    }
}

// The facts every report states about itself, in one order for JSON and CSV.
QList<QPair<QString, QJsonValue>> metaFields(const ReportMeta &m)
{
    return {{QStringLiteral("report"), m.name},
            {QStringLiteral("title"), m.title},
            {QStringLiteral("org_key"), m.orgKey},
            {QStringLiteral("org_name"), m.orgName},
            {QStringLiteral("scope"), m.scope},
            {QStringLiteral("period_from"), formatInstantOrEmpty(m.from)},
            {QStringLiteral("period_to"), formatInstantOrEmpty(m.to)},
            {QStringLiteral("as_of"), formatInstantOrEmpty(m.asOf)},
            {QStringLiteral("as_of_basis"), m.asOfBasis},
            {QStringLiteral("database"), m.database},
            {QStringLiteral("journal_head"), m.journalHead},
            {QStringLiteral("journal_seq"), m.journalSeq},
            {QStringLiteral("orgward_version"), m.version},
            {QStringLiteral("generated_at"), formatInstantOrEmpty(m.generatedAt)},
            {QStringLiteral("redaction"), redactModeName(m.redaction)}};
}

QJsonObject metaJson(const ReportMeta &m)
{
    QJsonObject out;
    for (const auto &[k, v] : metaFields(m))
        out.insert(k, v);
    QJsonObject params;
    for (const auto &[k, v] : m.parameters)
        params.insert(k, v);
    out.insert(QStringLiteral("parameters"), params);
    QJsonArray fresh;
    for (const ReportFreshness &f : m.freshness)
        fresh.append(QJsonObject{{QStringLiteral("endpoint"), f.endpoint},
                                 {QStringLiteral("last_sync"),
                                  f.lastSync ? QJsonValue(formatInstant(f.lastSync)) : QJsonValue()}});
    out.insert(QStringLiteral("sync_freshness"), fresh);
    return out;
}

QList<QPair<QString, QString>> metaPairs(const Report &r)
{
    const ReportMeta &m = r.meta;
    QList<QPair<QString, QString>> out;
    for (const auto &[k, v] : metaFields(m))
        out.append({k, v.isDouble() ? QString::number(v.toInteger()) : v.toString()});
    for (const auto &[k, v] : m.parameters)
        out.append({k, v});
    for (const ReportFreshness &f : m.freshness)
        out.append({QStringLiteral("last_sync:") + f.endpoint, formatInstantOrEmpty(f.lastSync)});
    for (const ReportTable &t : r.tables)
        out.append({QStringLiteral("rows:") + t.id, QString::number(t.rows.size())});
    for (const auto &[k, v] : r.summary)
        out.append({QStringLiteral("summary:") + k, reportCellText(v)});
    for (const ReportFinding &f : r.findings)
        out.append({QStringLiteral("finding:") + findingSeverityName(f.severity),
                    f.control.isEmpty() ? f.text : f.control + QStringLiteral(": ") + f.text});
    return out;
}

void appendTable(QByteArray &out, const ReportTable &t)
{
    QStringList header;
    for (const ReportColumn &c : t.columns)
        header << c.key;
    out += csv::record(header).toUtf8();
    for (const QVariantList &row : t.rows) {
        QStringList cells;
        cells.reserve(row.size());
        for (const QVariant &v : row)
            cells << reportCellText(v);
        out += csv::record(cells).toUtf8();
    }
}
} // namespace

QString reportFormatName(ReportFormat f)
{
    switch (f) {
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Json:
        return QStringLiteral("json");
    }
    return {};
}

Result<ReportFormat> parseReportFormat(const QString &name)
{
    for (ReportFormat f : {ReportFormat::Pdf, ReportFormat::Csv, ReportFormat::Json})
        if (reportFormatName(f) == name.toLower()) return f;
    return err(Error::Code::Usage,
               QStringLiteral("Unknown report format \"%1\": choose pdf, csv or json").arg(name));
}

Result<QByteArray> renderPdf(const Report &r, const PdfOptions &o, const ReportProgress &progress)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    setupWriter(writer, r, o.pageSize);
    ReportLayout layout(r, &writer, pagePixels(o.pageSize, kPdfDpi), kPdfDpi);
    if (!layout.paginate(progress)) return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
    QPainter painter;
    if (!painter.begin(&writer))
        return err(Error::Code::Io,
                   QStringLiteral("Could not start the PDF writer for report %1").arg(r.meta.name));
    for (int i = 0; i < layout.pageCount(); ++i) {
        if (progress &&
            !progress(QStringLiteral("Writing page %1 of %2").arg(i + 1).arg(layout.pageCount()))) {
            painter.end();
            return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
        }
        if (i > 0) writer.newPage();
        layout.paintPage(painter, i);
    }
    painter.end();
    return bytes;
}

Result<QList<QImage>> renderPreview(const Report &r, const PdfOptions &o, int maxPages, int dotsPerInch,
                                    int *pageCount)
{
    // Laid out against a PDF device so the preview breaks lines and pages exactly as the PDF does.
    QByteArray scratch;
    QBuffer buffer(&scratch);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter metrics(&buffer);
    setupWriter(metrics, r, o.pageSize);
    ReportLayout layout(r, &metrics, pagePixels(o.pageSize, kPdfDpi), kPdfDpi);
    if (!layout.paginate({})) return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
    if (pageCount) *pageCount = layout.pageCount();
    const int n = maxPages > 0 ? std::min(maxPages, layout.pageCount()) : layout.pageCount();
    const QSize size = pagePixels(o.pageSize, dotsPerInch).toSize();
    QList<QImage> pages;
    for (int i = 0; i < n; ++i) {
        QImage img(size, QImage::Format_RGB32);
        // Fonts resolve their point sizes at the PDF's resolution, as the layout measured them; the
        // painter's scale then brings the page down to the preview's.
        constexpr double kInchesPerMeter = 39.3700787;
        img.setDotsPerMeterX(int(kPdfDpi * kInchesPerMeter));
        img.setDotsPerMeterY(int(kPdfDpi * kInchesPerMeter));
        img.fill(Qt::white);
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        p.scale(double(dotsPerInch) / kPdfDpi, double(dotsPerInch) / kPdfDpi);
        layout.paintPage(p, i);
        p.end();
        pages.append(img);
    }
    return pages;
}

QByteArray renderCsvTable(const ReportTable &t)
{
    QByteArray out;
    appendTable(out, t);
    return out;
}

QByteArray renderCsv(const Report &r)
{
    QByteArray out;
    out += csv::record({QStringLiteral("table"), QStringLiteral("report")}).toUtf8();
    out += csv::record({QStringLiteral("key"), QStringLiteral("value")}).toUtf8();
    for (const auto &[k, v] : metaPairs(r))
        out += csv::record({k, v}).toUtf8();
    for (const ReportTable &t : r.tables) {
        out += csv::record({}).toUtf8();
        out += csv::record({QStringLiteral("table"), t.id}).toUtf8();
        appendTable(out, t);
    }
    return out;
}

QByteArray renderJson(const Report &r)
{
    QJsonArray summary;
    for (const auto &[k, v] : r.summary)
        summary.append(QJsonObject{{QStringLiteral("figure"), k}, {QStringLiteral("value"), cellJson(v)}});
    QJsonArray findings;
    for (const ReportFinding &f : r.findings)
        findings.append(QJsonObject{{QStringLiteral("severity"), findingSeverityName(f.severity)},
                                    {QStringLiteral("control"), f.control},
                                    {QStringLiteral("text"), f.text}});
    QJsonArray tables;
    for (const ReportTable &t : r.tables) {
        QJsonArray columns, rows;
        for (const ReportColumn &c : t.columns)
            columns.append(QJsonObject{{QStringLiteral("key"), c.key}, {QStringLiteral("title"), c.title}});
        for (const QVariantList &row : t.rows) {
            QJsonObject o;
            for (int c = 0; c < t.columns.size() && c < row.size(); ++c)
                o.insert(t.columns[c].key, cellJson(row[c]));
            rows.append(o);
        }
        tables.append(QJsonObject{{QStringLiteral("id"), t.id},
                                  {QStringLiteral("title"), t.title},
                                  {QStringLiteral("note"), t.note},
                                  {QStringLiteral("columns"), columns},
                                  {QStringLiteral("row_count"), qint64(t.rows.size())},
                                  {QStringLiteral("rows"), rows}});
    }
    const QJsonObject root{{QStringLiteral("meta"), metaJson(r.meta)},
                           {QStringLiteral("summary"), summary},
                           {QStringLiteral("findings"), findings},
                           {QStringLiteral("tables"), tables}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return err(Error::Code::Io, QStringLiteral("Cannot write %1: %2").arg(path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(bytes) != bytes.size() || !f.commit())
        return err(Error::Code::Io, QStringLiteral("Cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

} // namespace orgward
