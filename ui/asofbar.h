#pragma once
// "As of" (issue #13): an entity pane shows the present ("now", the default) or the organization as it was
// at a chosen instant, read from row history (models/asofmodel.h). One AsOfController per pane holds the
// choice and the org's first observation (read on the table worker); each table of the pane shows an
// AsOfBar (the picker) bound to it, and TablePane::bindAsOf() switches what the table shows.
#include "compliance/history.h"
#include "models/asyncread.h"

#include <QWidget>

class QDateTimeEdit;
class QLabel;
class QTimer;
class QToolButton;

namespace orgward {

class AsOfController : public QObject
{
    Q_OBJECT
public:
    AsOfController(Database &db, QObject *parent = nullptr);

    // Another org goes back to now; the same org keeps the instant. Either way the first observation is
    // read again (a sync or an import may have made it).
    void setOrg(const QString &orgKey);
    void refresh() { setOrg(m_org); }
    QString org() const { return m_org; }

    bool isLive() const { return m_at == 0; }
    qint64 at() const { return m_at; } // 0 while live
    // A past instant; one not before the clock's now is the present (live).
    void setAt(qint64 at);
    void setLive() { setAt(0); }

    // Roles that may not read history (it is audit data) see only the present: no picker.
    void setAvailable(bool available);
    bool isAvailable() const { return m_available; }

    // The org's first observation (its first sync or import): known once read; 0 when none.
    bool isSpanKnown() const { return m_spanKnown; }
    qint64 firstObserved() const { return m_first; }
    // A past instant before anything Orgward knows of the org: the tables show a message instead.
    bool isBeforeFirst() const { return !isLive() && m_spanKnown && (m_first == 0 || m_at < m_first); }
    // "Orgward has no record of this organization before … (its first sync or import)".
    QString noRecordText() const;
    bool isBusy() const { return m_span.busy(); }

    // What a past instant's answer rests on: "As the sync of … observed it. …" (row history holds what
    // syncs and imports observed). Empty while live, before it is read, or before the first observation.
    QString basisText() const { return m_basisText; }

    // How the panes write an instant: local date and time to the minute.
    static QString instantText(qint64 secs);

signals:
    void changed();      // the instant, the availability or the first observation changed
    void basisChanged(); // basisText() changed (read on the table worker after the instant)

private:
    void readBasis();
    QString describe(const AsOfBasis &basis) const;
    AsyncRead<ObservedSpan> m_span;
    AsyncRead<AsOfBasis> m_basis;
    QString m_basisText;
    QString m_org;
    qint64 m_at = 0;
    qint64 m_first = 0;
    bool m_spanKnown = false;
    bool m_available = true;
};

// The picker: "As of [date and time] [Now]". In the present the edit shows the clock's time and Now is
// checked; picking another date and time (applied once editing pauses, or on Enter) shows the past.
class AsOfBar : public QWidget
{
    Q_OBJECT
public:
    AsOfBar(AsOfController *controller, QWidget *parent = nullptr);
    QDateTimeEdit *edit() const { return m_edit; }
    QToolButton *nowButton() const { return m_now; }

private:
    void sync();
    void apply();
    AsOfController *m_controller;
    QDateTimeEdit *m_edit;
    QToolButton *m_now;
    QTimer *m_debounce;
};

} // namespace orgward
