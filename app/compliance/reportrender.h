#pragma once
// Rendering a Report: PDF (QPdfWriter + QPainter: paginated, table headers repeated on every page, "page X
// of Y", a header with org and period, a footer with the generation time and journal head; A4 or Letter),
// CSV (RFC 4180 through core/csvwriter: one file per table, or one stream with a table column) and JSON
// (the whole report, typed). PDF needs a QGuiApplication (the CLI makes an offscreen one).
#include "compliance/report.h"

#include <QByteArray>

namespace orgward {

enum class ReportFormat
{
    Pdf,
    Csv,
    Json,
};
QString reportFormatName(ReportFormat f); // pdf, csv, json
Result<ReportFormat> parseReportFormat(const QString &name);

struct PdfOptions
{
    PageSize pageSize = PageSize::A4;
};

Result<QByteArray> renderPdf(const Report &r, const PdfOptions &o = {}, const ReportProgress &progress = {});
// One CSV holding every table: the columns "table" then the union of the tables' columns would be unreadable,
// so each table is a block: a record with the table id, its header record, its rows, then an empty record.
// The first block is "report" (meta and summary as key,value records).
QByteArray renderCsv(const Report &r);
// One table alone (header + rows): what an evidence bundle stores per table.
QByteArray renderCsvTable(const ReportTable &t);
QByteArray renderJson(const Report &r); // UTF-8, indented, keys in a fixed order
// Writes bytes to a file privately (0600, atomically through QSaveFile); errors name the path.
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace orgward

#include <QImage>

namespace orgward {
// The report laid out on pages exactly as the PDF is: the Reports pane previews these images.
// maxPages bounds the work for a long report (0: all); *pageCount receives the total.
Result<QList<QImage>> renderPreview(const Report &r, const PdfOptions &o, int maxPages, int dotsPerInch,
                                    int *pageCount = nullptr);
} // namespace orgward
