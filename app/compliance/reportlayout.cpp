#include "reportlayout.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextOption>
#include <cmath>

namespace orgward {

namespace {
// Points (1/72 inch).
constexpr double kMarginSide = 36;
constexpr double kMarginTop = 30;
constexpr double kHeaderBand = 26; // page header text + rule, above the content
constexpr double kFooterBand = 30; // below the content
constexpr double kCellPadX = 3;
constexpr double kCellPadY = 2;
constexpr double kBlockGap = 10;
constexpr double kHeadingGap = 4; // between a table's title (and note) and its header row
constexpr double kBodyPt = 7.5;
constexpr double kSmallPt = 6.5;
constexpr double kHeadingPt = 11;
constexpr double kTitlePt = 18;
constexpr int kMaxLinesPerCell = 10; // a longer cell is clipped (the CSV and JSON hold it whole)
constexpr int kProgressEveryRows = 5000;
constexpr int kWidthSampleRows = 2000; // column widths follow the first rows: enough to see their shape
const QColor kRule(0x88, 0x88, 0x88);
const QColor kHeaderFill(0xe4, 0xe8, 0xee);
const QColor kStripe(0xf5, 0xf6, 0xf8);
const QColor kMuted(0x55, 0x55, 0x55);

QString utc(qint64 secs, const char *format)
{
    if (secs == 0) return QStringLiteral("never");
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QString::fromLatin1(format));
}

QString day(qint64 secs)
{
    return utc(secs, "yyyy-MM-dd");
}

QString minute(qint64 secs)
{
    return utc(secs, "yyyy-MM-dd HH:mm 'UTC'");
}

ReportColumn column(const char *key, const char *title, int weight, CellKind kind = CellKind::Text)
{
    return {QString::fromLatin1(key), QString::fromLatin1(title), kind, weight};
}

QString continuedTitle(const ReportTable &t)
{
    return QStringLiteral("%1 (continued)").arg(t.title);
}

// A word longer than its column (an id, a hash) must still break somewhere.
int wrapFlags(const QFontMetricsF &fm, const QString &text, double width)
{
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts))
        if (fm.horizontalAdvance(word) > width) return Qt::TextWrapAnywhere;
    return Qt::TextWordWrap;
}
} // namespace

QString reportCellText(const QVariant &v)
{
    if (v.isNull() || !v.isValid()) return {};
    if (v.typeId() == QMetaType::Bool) return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    return v.toString();
}

ReportLayout::ReportLayout(const Report &r, QPaintDevice *metrics, QSizeF pagePx, int dpi)
    : m_r(r), m_metrics(metrics), m_page(pagePx), m_dpi(dpi)
{
    const QString family = QStringLiteral("DejaVu Sans");
    m_body = QFont(family);
    m_body.setPointSizeF(kBodyPt);
    m_bold = m_body;
    m_bold.setBold(true);
    m_small = QFont(family);
    m_small.setPointSizeF(kSmallPt);
    m_heading = QFont(family);
    m_heading.setPointSizeF(kHeadingPt);
    m_heading.setBold(true);
    m_title = QFont(family);
    m_title.setPointSizeF(kTitlePt);
    m_title.setBold(true);
    // No ligatures: text copied or extracted from the PDF ("fi", not U+FB01) must match what is stored,
    // and unshaped Latin text lays out faster.
    for (QFont *f : {&m_body, &m_bold, &m_small, &m_heading, &m_title})
        f->setStyleStrategy(QFont::PreferNoShaping);
    m_bodyMetrics = std::make_unique<QFontMetricsF>(m_body, m_metrics);
    m_boldMetrics = std::make_unique<QFontMetricsF>(m_bold, m_metrics);
    const double top = pt(kMarginTop + kHeaderBand);
    m_content = QRectF(pt(kMarginSide), top, m_page.width() - 2 * pt(kMarginSide),
                       m_page.height() - top - pt(kFooterBand + kMarginTop / 2));
    buildBlocks();
}

void ReportLayout::buildBlocks()
{
    const ReportMeta &m = m_r.meta;
    ReportTable about{QStringLiteral("about"),
                      QStringLiteral("About this report"),
                      {},
                      {column("field", "Field", 1), column("value", "Value", 5)},
                      {}};
    auto add = [&about](const QString &k, const QString &v) { about.rows.append({k, v}); };
    add(QStringLiteral("Organization"), QStringLiteral("%1 (%2)").arg(m.orgName, m.orgKey));
    add(QStringLiteral("Scope"), m.scope);
    add(QStringLiteral("Period"),
        QStringLiteral("%1 to %2 (end exclusive)").arg(minute(m.from), minute(m.to)));
    add(QStringLiteral("As of"), minute(m.asOf));
    add(QStringLiteral("Basis"), m.asOfBasis);
    add(QStringLiteral("Database"), m.database);
    add(QStringLiteral("Journal head"), QStringLiteral("seq %1, %2").arg(m.journalSeq).arg(m.journalHead));
    add(QStringLiteral("Generated"), utc(m.generatedAt, "yyyy-MM-dd HH:mm:ss 'UTC'"));
    add(QStringLiteral("Orgward version"), m.version);
    add(QStringLiteral("Redaction"), redactModeName(m.redaction));
    QStringList params;
    for (const auto &[k, v] : m.parameters)
        params << QStringLiteral("%1 = %2").arg(k, v);
    if (!params.isEmpty()) add(QStringLiteral("Parameters"), params.join(QStringLiteral(", ")));
    QStringList counts;
    for (const ReportTable &t : m_r.tables)
        counts << QStringLiteral("%1: %2").arg(t.title).arg(t.rows.size());
    add(QStringLiteral("Rows"), counts.join(QStringLiteral("; ")));
    m_ownTables.append(about);

    ReportTable fresh{
        QStringLiteral("freshness"),
        QStringLiteral("Sync freshness"),
        QStringLiteral("The last complete read of each list the store holds (for lists read per "
                       "project, group or user: the oldest among them)."),
        {column("endpoint", "Endpoint", 3), column("last_sync", "Last successful sync", 2)},
        {}};
    for (const ReportFreshness &f : m.freshness)
        fresh.rows.append({f.endpoint, minute(f.lastSync)});
    m_ownTables.append(fresh);

    ReportTable summary{QStringLiteral("summary"),
                        QStringLiteral("Summary"),
                        {},
                        {column("figure", "Figure", 3), column("value", "Value", 2)},
                        {}};
    for (const auto &[k, v] : m_r.summary)
        summary.rows.append({k, reportCellText(v)});
    m_ownTables.append(summary);

    ReportTable findings{
        QStringLiteral("findings"),
        QStringLiteral("Findings"),
        {},
        {column("severity", "Severity", 1), column("control", "Control", 1), column("finding", "Finding", 8)},
        {}};
    for (const ReportFinding &f : m_r.findings)
        findings.rows.append({findingSeverityName(f.severity), f.control, f.text});
    if (findings.rows.isEmpty()) findings.note = QStringLiteral("None.");
    m_ownTables.append(findings);

    // What a reader needs first: what this is, the figures and findings, the evidence; freshness last.
    m_blocks.append({BlockKind::Title, m.title, nullptr});
    for (const QString &id : {QStringLiteral("about"), QStringLiteral("summary"), QStringLiteral("findings")})
        for (const ReportTable &t : m_ownTables)
            if (t.id == id) m_blocks.append({BlockKind::Table, {}, &t});
    for (const ReportTable &t : m_r.tables)
        m_blocks.append({BlockKind::Table, {}, &t});
    for (const ReportTable &t : m_ownTables)
        if (t.id == u"freshness") m_blocks.append({BlockKind::Table, {}, &t});
}

QList<double> ReportLayout::columnWidths(const ReportTable &t) const
{
    // Each column's natural width (its widest header word and cell, over a sample of rows), then: room to
    // spare goes to the columns by weight; too little takes from the columns that can wrap, never below
    // what a date, a number or a header word needs on one line.
    const QFontMetricsF body(m_body, m_metrics), bold(m_bold, m_metrics);
    const double pad = 2 * pt(kCellPadX);
    const double wrapFloor = body.horizontalAdvance(QStringLiteral("abcdefghijkl")); // ~12 characters
    // An address read in pieces is misread: it keeps ~18 characters on a line; a sign-off cell is for a pen.
    const double emailFloor = 1.5 * wrapFloor;
    const double signFloor = body.horizontalAdvance(QStringLiteral("abcdefgh"));
    const int n = int(t.columns.size());
    QList<double> natural(n, 0), minimum(n, 0);
    for (int c = 0; c < n; ++c) {
        for (const QString &word : t.columns[c].title.split(u' ', Qt::SkipEmptyParts))
            minimum[c] = std::max(minimum[c], bold.horizontalAdvance(word) + pad);
        natural[c] = minimum[c];
    }
    const int sample = std::min<int>(int(t.rows.size()), kWidthSampleRows);
    for (int r = 0; r < sample; ++r)
        for (int c = 0; c < n && c < t.rows[r].size(); ++c)
            natural[c] = std::max(natural[c], body.horizontalAdvance(reportCellText(t.rows[r][c])) + pad);
    double sumNatural = 0, sumMin = 0, sumWeight = 0, sumFixed = 0;
    for (int c = 0; c < n; ++c) {
        const CellKind k = t.columns[c].kind;
        const bool oneLine = k == CellKind::Date || k == CellKind::Number;
        const double floor = k == CellKind::Email ? emailFloor : wrapFloor;
        minimum[c] = oneLine ? natural[c] : std::max(minimum[c], std::min(natural[c], floor + pad));
        if (k == CellKind::Sign) minimum[c] = std::max(minimum[c], signFloor + pad);
        if (oneLine) sumFixed += minimum[c];
        sumNatural += natural[c];
        sumMin += minimum[c];
        sumWeight += std::max(1, t.columns[c].weight);
    }
    const double width = m_content.width();
    auto isOneLine = [&t](int c) {
        return t.columns[c].kind == CellKind::Date || t.columns[c].kind == CellKind::Number;
    };
    QList<double> out(n, 0);
    for (int c = 0; c < n; ++c) {
        if (sumNatural <= width)
            out[c] = natural[c] + (width - sumNatural) * std::max(1, t.columns[c].weight) / sumWeight;
        else if (sumMin >= width) // dates and numbers stay on one line; the rest share what is left
            out[c] = isOneLine(c) || sumMin <= sumFixed
                         ? minimum[c] * (sumMin <= sumFixed ? width / sumMin : 1.0)
                         : minimum[c] * std::max(0.0, width - sumFixed) / (sumMin - sumFixed);
        else
            out[c] = minimum[c] + (natural[c] - minimum[c]) * (width - sumMin) / (sumNatural - sumMin);
    }
    return out;
}

double ReportLayout::textHeight(const QFont &f, const QString &text, double width) const
{
    const QFontMetricsF fm(f, m_metrics);
    return fm.boundingRect(QRectF(0, 0, width, 1e9), wrapFlags(fm, text, width), text).height();
}

double ReportLayout::cellHeight(const QString &text, double width, bool header) const
{
    // Made once: constructing font metrics per cell cost more than measuring the cell.
    const QFontMetricsF &fm = header ? *m_boldMetrics : *m_bodyMetrics;
    const double line = fm.lineSpacing();
    const double inner = width - 2 * pt(kCellPadX);
    double h = line;
    if (!text.isEmpty() && (text.contains(u'\n') || fm.horizontalAdvance(text) > inner))
        h = std::min(fm.boundingRect(QRectF(0, 0, inner, 1e9), wrapFlags(fm, text, inner), text).height(),
                     line * kMaxLinesPerCell);
    return h + 2 * pt(kCellPadY);
}

ReportLayout::TableGeometry ReportLayout::measureTable(const ReportTable &t, const ReportProgress &progress,
                                                       bool *cancelled) const
{
    TableGeometry g;
    const QList<double> widths = columnWidths(t);
    double x = m_content.left();
    for (double w : widths) {
        g.colX << x;
        g.colW << w;
        x += w;
    }
    for (int c = 0; c < t.columns.size(); ++c)
        g.headerHeight = std::max(g.headerHeight, cellHeight(t.columns[c].title, g.colW[c], true));
    g.rowHeights.reserve(size_t(t.rows.size()));
    for (int r = 0; r < t.rows.size(); ++r) {
        if (progress && r % kProgressEveryRows == 0 && r > 0 &&
            !progress(
                QStringLiteral("Laying out %1 (%2 of %3 rows)").arg(t.title).arg(r).arg(t.rows.size()))) {
            *cancelled = true;
            return g;
        }
        double h = 0;
        const QVariantList &row = t.rows[r];
        for (int c = 0; c < t.columns.size() && c < row.size(); ++c)
            h = std::max(h, cellHeight(reportCellText(row[c]), g.colW[c], false));
        g.rowHeights.push_back(float(h));
    }
    return g;
}

bool ReportLayout::paginate(const ReportProgress &progress)
{
    m_pages.assign(1, {});
    double y = m_content.top();
    const double bottom = m_content.bottom();
    const double gap = pt(kBlockGap);
    auto newPage = [&] {
        m_pages.emplace_back();
        y = m_content.top();
    };
    for (int b = 0; b < m_blocks.size(); ++b) {
        const Block &block = m_blocks[b];
        if (block.kind == BlockKind::Title) {
            const double h = textHeight(m_title, block.text, m_content.width()) + gap;
            m_pages.back().push_back({b, y, 0, 0, false, h});
            y += h;
            continue;
        }
        const ReportTable &t = *block.table;
        bool cancelled = false;
        TableGeometry g = measureTable(t, progress, &cancelled);
        if (cancelled) return false;
        // Measured as paintTable() draws it: a later page's title says "(continued)".
        auto headingHeight = [&](bool continued) {
            return textHeight(m_heading, continued ? continuedTitle(t) : t.title, m_content.width()) +
                   (t.note.isEmpty() ? 0 : textHeight(m_body, t.note, m_content.width())) + pt(kHeadingGap);
        };
        const double headingH = headingHeight(false);
        const double firstRow = g.rowHeights.empty() ? 0 : g.rowHeights.front();
        // A heading never ends a page: it moves on with its header row and first row.
        if (y + headingH + g.headerHeight + firstRow > bottom && y > m_content.top()) newPage();
        int row = 0;
        bool continued = false;
        do {
            Placement pl{b, y, row, row, continued, 0};
            double cy = y + headingHeight(continued) + (t.columns.isEmpty() ? 0 : g.headerHeight);
            while (row < int(g.rowHeights.size()) &&
                   (cy + g.rowHeights[size_t(row)] <= bottom || row == pl.rowFrom)) {
                cy += g.rowHeights[size_t(row)];
                ++row;
            }
            pl.rowTo = row;
            pl.height = cy - y;
            m_pages.back().push_back(pl);
            y = cy + gap;
            if (row < int(g.rowHeights.size())) {
                newPage();
                continued = true;
            }
        } while (row < int(g.rowHeights.size()));
        m_geometry.insert(b, std::move(g));
    }
    return true;
}

void ReportLayout::paintHeaderFooter(QPainter &p, int index) const
{
    const ReportMeta &m = m_r.meta;
    const double left = pt(kMarginSide);
    const double width = m_page.width() - 2 * left;
    p.setFont(m_small);
    p.setPen(kMuted);
    const QRectF head(left, pt(kMarginTop), width, pt(kHeaderBand) - pt(8));
    p.drawText(head, Qt::AlignLeft | Qt::AlignBottom,
               QStringLiteral("%1 · %2 (%3)").arg(m.title, m.orgName, m.orgKey));
    p.drawText(head, Qt::AlignRight | Qt::AlignBottom,
               QStringLiteral("Period %1 to %2 · as of %3").arg(day(m.from), day(m.to - 1), minute(m.asOf)));
    p.setPen(QPen(kRule, pt(0.5)));
    p.drawLine(QPointF(left, head.bottom() + pt(3)), QPointF(left + width, head.bottom() + pt(3)));
    const double footTop = m_content.bottom() + pt(8);
    p.drawLine(QPointF(left, footTop), QPointF(left + width, footTop));
    p.setPen(kMuted);
    const QRectF foot(left, footTop + pt(2), width, pt(kFooterBand) - pt(10));
    p.drawText(foot, Qt::AlignLeft | Qt::AlignTop,
               QStringLiteral("Generated %1 by Orgward %2 · journal head seq %3 %4")
                   .arg(utc(m.generatedAt, "yyyy-MM-dd HH:mm:ss 'UTC'"), m.version)
                   .arg(m.journalSeq)
                   .arg(m.journalHead));
    p.drawText(foot, Qt::AlignRight | Qt::AlignTop,
               QStringLiteral("Page %1 of %2").arg(index + 1).arg(pageCount()));
}

void ReportLayout::paintTableHeader(QPainter &p, const ReportTable &t, const TableGeometry &g, double y) const
{
    p.fillRect(QRectF(m_content.left(), y, m_content.width(), g.headerHeight), kHeaderFill);
    p.setFont(m_bold);
    p.setPen(Qt::black);
    for (int c = 0; c < t.columns.size(); ++c) {
        const QRectF cell(g.colX[c] + pt(kCellPadX), y + pt(kCellPadY), g.colW[c] - 2 * pt(kCellPadX),
                          g.headerHeight - 2 * pt(kCellPadY));
        const int align = t.columns[c].kind == CellKind::Number ? Qt::AlignRight : Qt::AlignLeft;
        p.drawText(cell, align | Qt::AlignTop | wrapFlags(*m_boldMetrics, t.columns[c].title, cell.width()),
                   t.columns[c].title);
    }
}

void ReportLayout::paintTable(QPainter &p, const Placement &pl) const
{
    const ReportTable &t = *m_blocks[pl.block].table;
    const TableGeometry &g = m_geometry[pl.block];
    double y = pl.y;
    p.setFont(m_heading);
    p.setPen(Qt::black);
    const QString title = pl.continued ? continuedTitle(t) : t.title;
    const double th = textHeight(m_heading, title, m_content.width());
    p.drawText(QRectF(m_content.left(), y, m_content.width(), th), Qt::AlignLeft | Qt::TextWordWrap, title);
    y += th;
    if (!t.note.isEmpty()) {
        p.setFont(m_body);
        p.setPen(kMuted);
        const double nh = textHeight(m_body, t.note, m_content.width());
        p.drawText(QRectF(m_content.left(), y, m_content.width(), nh), Qt::AlignLeft | Qt::TextWordWrap,
                   t.note);
        y += nh;
    }
    y += pt(kHeadingGap);
    if (t.columns.isEmpty()) return;
    paintTableHeader(p, t, g, y);
    y += g.headerHeight;
    p.setFont(m_body);
    const QFontMetricsF &fm = *m_bodyMetrics; // wrap as measured (the preview paints on another device)
    for (int r = pl.rowFrom; r < pl.rowTo; ++r) {
        const double h = g.rowHeights[size_t(r)];
        if (r % 2 == 1) p.fillRect(QRectF(m_content.left(), y, m_content.width(), h), kStripe);
        p.setPen(Qt::black);
        const QVariantList &row = t.rows[r];
        for (int c = 0; c < t.columns.size() && c < row.size(); ++c) {
            const QString text = reportCellText(row[c]);
            if (text.isEmpty()) continue;
            const double inner = g.colW[c] - 2 * pt(kCellPadX);
            const QRectF cell(g.colX[c] + pt(kCellPadX), y + pt(kCellPadY), inner, h - 2 * pt(kCellPadY));
            const int align = t.columns[c].kind == CellKind::Number ? Qt::AlignRight : Qt::AlignLeft;
            p.drawText(cell, align | Qt::AlignTop | wrapFlags(fm, text, inner), text);
        }
        y += h;
    }
    p.setPen(QPen(kRule, pt(0.5)));
    p.drawLine(QPointF(m_content.left(), y), QPointF(m_content.right(), y));
}

void ReportLayout::paintPage(QPainter &p, int index) const
{
    paintHeaderFooter(p, index);
    for (const Placement &pl : m_pages[size_t(index)]) {
        const Block &b = m_blocks[pl.block];
        if (b.kind == BlockKind::Title) {
            p.setFont(m_title);
            p.setPen(Qt::black);
            p.drawText(QRectF(m_content.left(), pl.y, m_content.width(), pl.height),
                       Qt::AlignLeft | Qt::TextWordWrap, b.text);
        } else {
            paintTable(p, pl);
        }
    }
}

} // namespace orgward
