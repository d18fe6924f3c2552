#pragma once
// Small painted views that follow the palette: a usage sparkline and a certificate expiry timeline.
#include <QWidget>

namespace orgward {

class Sparkline : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QWidget *parent = nullptr);
    void setValues(const QList<double> &values, const QString &caption);
    QSize sizeHint() const override { return {240, 60}; }

protected:
    void paintEvent(QPaintEvent *) override;

private:
    QList<double> m_values;
    QString m_caption;
};

class ExpiryTimeline : public QWidget
{
    Q_OBJECT
public:
    struct Item
    {
        QString name;
        qint64 validFrom = 0, expires = 0;
    };
    explicit ExpiryTimeline(QWidget *parent = nullptr);
    void setItems(const QList<Item> &items, qint64 now);
    QSize sizeHint() const override { return {400, 160}; }

protected:
    void paintEvent(QPaintEvent *) override;

private:
    QList<Item> m_items;
    qint64 m_now = 0;
};

} // namespace orgward
