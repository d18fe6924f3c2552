#pragma once
// Changes (issue #13): what was added, removed or changed in the organization between two instants, grouped
// by entity, with when Orgward observed each change, when it happened (the API's dates or the audit event
// that explains it) and that evidence. diffBetween() (compliance/history.h) runs on the table worker; the
// tree filters and sorts what arrived. Double-clicking a change opens its entity's pane as of the second
// instant (the first for a removal). "Mark reviewed…" records an access review of the range shown in the
// journal (compliance/review.h); the "Since the last review" preset starts at the newest such mark.
#include "compliance/history.h"
#include "compliance/review.h"
#include "consolepane.h"
#include "models/asyncread.h"
#include "models/asyncwrite.h"

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeView;
class QModelIndex;

namespace orgward {

class ChangesModel;
class ChangesFilterModel;

class ChangesPane : public ConsolePane
{
    Q_OBJECT
public:
    enum Range
    {
        Last7Days,
        Last30Days,
        SinceFirstObservation,
        SinceLastReview // from the newest review mark of the org; nothing when there is none
    };
    ChangesPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Changes"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    bool isBusy() const override;
    // Writes the changes shown (filter and order as shown) as CSV, off the GUI thread.
    void startCsvExport(const QString &path) override;

    // Compares these two instants (Unix seconds); the edits show them.
    void setRange(qint64 from, qint64 to);
    void chooseRange(Range range); // "to" is now
    qint64 from() const { return m_from; }
    qint64 to() const { return m_to; }
    // The newest review mark of the org, as last read (nullopt: none, or not known yet).
    const std::optional<ReviewMark> &lastReview() const { return m_lastReview; }

    ChangesModel *model() const { return m_model; }
    ChangesFilterModel *filterModel() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QString statusText() const;
    // What a double-click on a row of the view does.
    void openChange(const QModelIndex &viewIndex);

signals:
    // Open table's pane showing rowKey as of at (0: the present).
    void openHistoryRow(const QString &table, const QString &rowKey, qint64 at);
    // A review mark was written (seq: its journal entry) or could not be (error, sanitized).
    void reviewMarked(qint64 seq, const QString &error);

private:
    void showRange(qint64 from, qint64 to); // setRange() that keeps what the range was chosen from
    void compare();
    QList<HistoryEntity> comparedEntities() const; // empty: all
    void showChanges(const Result<QList<EntityChange>> &changes);
    void updateStatus();
    void applyEdits();
    void exportDone(const Result<qint64> &rows);
    void chooseExportFile();
    void loadLastReview();
    void showLastReview(const Result<std::optional<ReviewMark>> &mark);
    void confirmReview();
    void writeReview(const ReviewMark &mark);
    void reviewWritten(const Result<ReviewMark> &mark);
    void updateReviewControls();

    AsyncRead<ObservedSpan> m_span;
    AsyncRead<QList<EntityChange>> m_diff;
    AsyncRead<qint64> m_export;
    AsyncRead<std::optional<ReviewMark>> m_review;
    AsyncWrite<ReviewMark> m_mark;
    ChangesModel *m_model;
    ChangesFilterModel *m_proxy;
    QDateTimeEdit *m_fromEdit, *m_toEdit;
    QPushButton *m_sinceFirst, *m_sinceReview, *m_markReviewed;
    QLineEdit *m_filter;
    QTreeView *m_view;
    QLabel *m_status, *m_summary;
    QTimer *m_editDebounce;
    QString m_org;
    QString m_error;       // of the last comparison
    QString m_exportPath;  // being written
    QString m_exportNote;  // the last export's outcome
    QString m_reviewNote;  // the last review mark's outcome
    QString m_reviewError; // reading the last review failed
    QString m_markDenied;  // why this connection may not mark a review (empty: it may)
    std::optional<ReviewMark> m_lastReview;
    std::optional<ReviewMark> m_rangeReview; // the mark the range starts at ("Since the last review")
    qint64 m_from = 0, m_to = 0;
    qint64 m_first = 0;    // the org's first observation (0: not known yet, or none)
    bool m_toIsNow = true; // "to" was chosen as now: opening a change shows the present
    bool m_keys = true;    // the role may see key tables
    bool m_readOnly;       // the connection may not write (the journal included)
};

} // namespace orgward
