#include "miniwidgets.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

namespace orgward {

Sparkline::Sparkline(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(60);
    setAccessibleName(tr("Usage sparkline"));
}

void Sparkline::setValues(const QList<double> &values, const QString &caption)
{
    m_values = values;
    m_caption = caption;
    setToolTip(caption);
    update();
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(4, 18, -4, -4);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(4, 0, width() - 8, 16), Qt::AlignLeft | Qt::AlignVCenter, m_caption);
    double max = 0;
    for (double v : m_values)
        max = qMax(max, v);
    if (m_values.size() < 2 || max <= 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignCenter, tr("no usage in this range"));
        return;
    }
    QPainterPath path;
    for (int i = 0; i < m_values.size(); ++i) {
        const QPointF pt(r.left() + r.width() * i / (m_values.size() - 1),
                         r.bottom() - r.height() * m_values[i] / max);
        if (i == 0)
            path.moveTo(pt);
        else
            path.lineTo(pt);
    }
    p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    p.drawPath(path);
}

ExpiryTimeline::ExpiryTimeline(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(120);
    setAccessibleName(tr("Certificate expiry timeline"));
}

void ExpiryTimeline::setItems(const QList<Item> &items, qint64 now)
{
    m_items = items;
    m_now = now;
    update();
}

void ExpiryTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_items.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No certificates in this organization."));
        return;
    }
    qint64 lo = m_now, hi = m_now;
    for (const Item &i : m_items) {
        if (i.validFrom) lo = qMin(lo, i.validFrom);
        if (i.expires) hi = qMax(hi, i.expires);
    }
    if (hi <= lo) hi = lo + 86400;
    const int labelW = 160;
    const QRectF area(labelW, 20, width() - labelW - 10, height() - 24);
    auto x = [&](qint64 t) { return area.left() + area.width() * double(t - lo) / double(hi - lo); };
    const int rowH = qMax(8, qMin(22, int(area.height() / m_items.size())));
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(labelW, 0, 200, 18), Qt::AlignLeft,
               QDateTime::fromSecsSinceEpoch(lo, Qt::UTC).date().toString(Qt::ISODate));
    p.drawText(QRectF(width() - 210, 0, 200, 18), Qt::AlignRight,
               QDateTime::fromSecsSinceEpoch(hi, Qt::UTC).date().toString(Qt::ISODate));
    for (int i = 0; i < m_items.size(); ++i) {
        const Item &it = m_items[i];
        const double y = area.top() + i * rowH;
        if (y + rowH > height()) break;
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(4, y, labelW - 8, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(it.name, Qt::ElideRight, labelW - 8));
        const bool soon = it.expires >= m_now && it.expires < m_now + 14 * 86400;
        const bool expired = it.expires && it.expires < m_now;
        QColor c = palette().color(QPalette::Highlight);
        if (soon) c = QColor(0xd9, 0x7a, 0x00);
        if (expired) c = palette().color(QPalette::PlaceholderText);
        p.fillRect(QRectF(x(it.validFrom ? it.validFrom : lo), y + 2,
                          qMax(2.0, x(it.expires ? it.expires : hi) - x(it.validFrom ? it.validFrom : lo)),
                          rowH - 4),
                   c);
    }
    p.setPen(QPen(QColor(0xc0, 0x30, 0x30), 1.5, Qt::DashLine));
    p.drawLine(QPointF(x(m_now), area.top()), QPointF(x(m_now), height()));
    p.drawText(QPointF(x(m_now) + 3, area.top() - 4), tr("now"));
}

} // namespace orgward
