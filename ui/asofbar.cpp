#include "asofbar.h"

#include "core/clock.h"
#include "core/logging.h"

#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace orgward {

namespace {
constexpr int kApplyAfterMs = 700; // typing a date and time section by section applies once, at the end
} // namespace

AsOfController::AsOfController(Database &db, QObject *parent)
    : QObject(parent), m_span(db, this,
                              [this](const Result<ObservedSpan> &span) {
                                  m_spanKnown = span.ok();
                                  m_first = span ? span->first : 0;
                                  if (!span) qCWarning(lcUi).noquote() << span.errorMessage();
                                  emit changed();
                              }),
      m_basis(db, this, [this](const Result<AsOfBasis> &basis) {
          if (!basis) qCWarning(lcUi).noquote() << basis.errorMessage();
          m_basisText = basis ? describe(*basis) : QString();
          emit basisChanged();
      })
{
}

void AsOfController::readBasis()
{
    m_basisText.clear();
    if (isLive() || m_org.isEmpty() || !m_available) {
        m_basis.cancel();
    } else {
        const QString org = m_org;
        const qint64 at = m_at;
        m_basis.run([org, at](Database &db) { return asOfBasis(db, org, at); });
    }
    emit basisChanged();
}

QString AsOfController::describe(const AsOfBasis &b) const
{
    if (b.observedAt == 0) return {};
    const QString what = b.source == u"import" ? tr("import") : tr("sync");
    QString s = tr("As the %1 of %2 observed it.").arg(what, instantText(b.observedAt));
    if (b.nextObservedAt > 0)
        s += u' ' +
             tr("A change made before the next observation (%1) shows from then; the Changes pane dates "
                "it by its audit event.")
                 .arg(instantText(b.nextObservedAt));
    return s;
}

void AsOfController::setOrg(const QString &orgKey)
{
    if (orgKey != m_org) m_at = 0;
    m_org = orgKey;
    m_spanKnown = false;
    m_first = 0;
    if (orgKey.isEmpty() || !m_available)
        m_span.cancel();
    else
        m_span.run([orgKey](Database &db) { return observedSpan(db, orgKey); });
    emit changed();
    readBasis();
}

void AsOfController::setAt(qint64 at)
{
    if (!m_available || at >= Clock::nowSecs()) at = 0;
    if (at == m_at) return;
    m_at = at;
    emit changed();
    readBasis();
}

void AsOfController::setAvailable(bool available)
{
    if (available == m_available) return;
    m_available = available;
    if (!available) m_at = 0;
    setOrg(m_org); // reads the first observation only where it may be read
}

QString AsOfController::instantText(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString AsOfController::noRecordText() const
{
    if (m_first == 0)
        return tr("Orgward has no record of this organization yet: it has not been synced or imported since "
                  "history began.");
    return tr("Orgward has no record of this organization before %1 (its first sync or import).")
        .arg(instantText(m_first));
}

AsOfBar::AsOfBar(AsOfController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_edit(new QDateTimeEdit(this)),
      m_now(new QToolButton(this)), m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("asOfBar"));
    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(4);
    auto *label = new QLabel(tr("As of"), this);
    label->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("asOfEdit"));
    m_edit->setAccessibleName(tr("Show the organization as of"));
    m_edit->setToolTip(
        tr("Pick an earlier date and time to see the organization as Orgward recorded it then"));
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_now->setObjectName(QStringLiteral("asOfNow"));
    m_now->setText(tr("Now"));
    m_now->setCheckable(true);
    m_now->setAccessibleName(tr("Show the present"));
    m_now->setToolTip(tr("Show the organization as it is now"));
    l->addWidget(label);
    l->addWidget(m_edit);
    l->addWidget(m_now);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kApplyAfterMs);
    connect(m_edit, &QDateTimeEdit::dateTimeChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &AsOfBar::apply);
    connect(m_edit, &QDateTimeEdit::editingFinished, this, [this] {
        if (m_debounce->isActive()) apply();
    });
    connect(m_now, &QToolButton::clicked, this, [this](bool checked) {
        if (checked) m_controller->setLive();
        sync(); // the present stays checked: a past instant is chosen in the edit
    });
    connect(controller, &AsOfController::changed, this, &AsOfBar::sync);
    sync();
}

void AsOfBar::apply()
{
    m_debounce->stop();
    m_controller->setAt(m_edit->dateTime().toSecsSinceEpoch());
    sync(); // a future instant is the present
}

void AsOfBar::sync()
{
    m_debounce->stop();
    setVisible(m_controller->isAvailable());
    const bool live = m_controller->isLive();
    {
        const QSignalBlocker block(m_edit);
        m_edit->setDateTime(QDateTime::fromSecsSinceEpoch(live ? Clock::nowSecs() : m_controller->at()));
    }
    m_now->setChecked(live);
}

} // namespace orgward
