#pragma once
// How a Report sits on pages (internal to reportrender.cpp): one pass measures every row against the PDF
// device's font metrics and records which rows land on which page, so "page X of Y" is known before the
// first page is painted and the preview paints the very same pages. Placements, not draw operations, are
// kept: a 100,000-row table costs one float per row.
#include "compliance/report.h"
#include "compliance/reportrender.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QRectF>
#include <memory>
#include <vector>

class QPainter;

namespace orgward {

class ReportLayout
{
public:
    // metrics: the device whose font metrics the layout uses (the PDF writer). pagePx: the whole page in
    // that device's pixels.
    ReportLayout(const Report &r, QPaintDevice *metrics, QSizeF pagePx, int dpi);

    // False when progress asked to stop.
    bool paginate(const ReportProgress &progress);
    int pageCount() const { return int(m_pages.size()); }
    void paintPage(QPainter &p, int index) const;

private:
    enum class BlockKind
    {
        Title,
        Heading,
        Paragraph,
        Table,
    };
    struct Block
    {
        BlockKind kind;
        QString text;                       // title, heading or paragraph
        const ReportTable *table = nullptr; // Table
    };
    struct Placement
    {
        int block = 0;
        double y = 0;
        int rowFrom = 0, rowTo = 0; // tables: rows [from, to)
        bool continued = false;     // a table's later page: its heading says so
        double height = 0;          // titles, headings, paragraphs
    };
    struct TableGeometry
    {
        QList<double> colX, colW;
        double headerHeight = 0;
        std::vector<float> rowHeights;
    };

    double pt(double points) const { return points * m_dpi / 72.0; }
    void buildBlocks();
    TableGeometry measureTable(const ReportTable &t, const ReportProgress &progress, bool *cancelled) const;
    QList<double> columnWidths(const ReportTable &t) const;
    double textHeight(const QFont &f, const QString &text, double width) const;
    double cellHeight(const QString &text, double width, bool header) const;
    void paintHeaderFooter(QPainter &p, int index) const;
    void paintTable(QPainter &p, const Placement &pl) const;
    void paintTableHeader(QPainter &p, const ReportTable &t, const TableGeometry &g, double y) const;

    const Report &m_r;
    QPaintDevice *m_metrics;
    QSizeF m_page;
    int m_dpi;
    QFont m_body, m_bold, m_title, m_heading, m_small;
    std::unique_ptr<QFontMetricsF> m_bodyMetrics, m_boldMetrics; // on m_metrics
    QRectF m_content;
    QList<ReportTable> m_ownTables; // meta, freshness, summary, findings
    QList<Block> m_blocks;
    QHash<int, TableGeometry> m_geometry; // by block index
    std::vector<std::vector<Placement>> m_pages;
};

// A cell as people read it: "yes"/"no", numbers as digits, null as "".
QString reportCellText(const QVariant &v);

} // namespace orgward
