#include "dashboardpane.h"

#include "core/clock.h"
#include "finance/dashboard.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace orgward {

DashboardPane::DashboardPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_read(db, this, [this](const Result<DashboardSummary> &s) { present(s); }),
      m_controlsRead(db, this, [this](const Result<GovernanceControls> &c) { presentControls(c); })
{
    auto *l = new QVBoxLayout(this);
    l->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Dashboard")), this));
    m_asOf = new QLabel(this);
    l->addWidget(m_asOf);
    auto *grid = new QGridLayout;
    const QStringList names{tr("Spend month to date"),
                            tr("Top projects by cost"),
                            tr("Keys unused for 90+ days"),
                            tr("Certificates expiring within 14 days"),
                            tr("Invites pending"),
                            tr("Members in no project"),
                            tr("Last sync")};
    for (int i = 0; i < TileCount; ++i) {
        auto *b = new QPushButton(this);
        b->setAccessibleName(names[i]);
        b->setObjectName(QStringLiteral("dashboardTile%1").arg(i));
        b->setMinimumSize(260, 120);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        b->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 10px; }"));
        auto *label = new QLabel(b);
        label->setTextFormat(Qt::RichText);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        auto *inner = new QVBoxLayout(b);
        inner->setContentsMargins(14, 10, 14, 10);
        inner->addWidget(label);
        m_tileLabels << label;
        connect(b, &QPushButton::clicked, this, [this, i] { emit tileActivated(Tile(i)); });
        m_tiles << b;
        grid->addWidget(b, i / 3, i % 3);
    }
    l->addLayout(grid);

    auto *box = new QGroupBox(tr("Spend controls and data retention"), this);
    box->setObjectName(QStringLiteral("orgControls"));
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QList<std::tuple<QString, QString>> lines{
        {tr("Data retention"), QStringLiteral("orgDataRetention")},
        {tr("Hard spend limit"), QStringLiteral("orgSpendLimit")},
        {tr("Spend alerts"), QStringLiteral("orgSpendAlerts")}};
    for (const auto &[label, objectName] : lines) {
        auto *value = new QLabel(tr("—"), box);
        value->setObjectName(objectName);
        value->setAccessibleName(label);
        value->setTextFormat(Qt::PlainText);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label + u':', value);
        m_controls << value;
    }
    l->addWidget(box);
    l->addStretch(1);
}

QString DashboardPane::controlText(Control c) const
{
    return c >= 0 && c < m_controls.size() ? m_controls[c]->text() : QString();
}

void DashboardPane::showControls(const QString &text)
{
    for (QLabel *l : std::as_const(m_controls))
        l->setText(text);
}

void DashboardPane::presentControls(const Result<GovernanceControls> &c)
{
    if (!c) {
        showControls(tr("—"));
        m_controls[DataRetention]->setText(tr("Could not read the spend controls: %1").arg(c.errorMessage()));
        return;
    }
    m_controls[DataRetention]->setText(c->retentionStored ? governance::retentionText(c->dataRetention)
                                                          : tr("not set"));
    m_controls[SpendLimit]->setText(governance::spendLimitText(*c));
    m_controls[SpendAlerts]->setText(c->spendAlerts.isEmpty() ? tr("not set")
                                                              : governance::spendAlertsText(*c));
}

void DashboardPane::setTile(Tile t, const QString &headline, const QString &detail)
{
    const QString name = m_tiles[t]->accessibleName();
    m_tiles[t]->setAccessibleDescription(QStringLiteral("%1\n%2\n%3").arg(name, headline, detail));
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    m_tileLabels[t]->setText(
        QStringLiteral("<div style='color:%1'>%2</div><div style='font-size:18pt; font-weight:600'>%3</div>"
                       "<div style='color:%1'>%4</div>")
            .arg(muted, name.toHtmlEscaped(), headline.toHtmlEscaped(),
                 detail.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))));
}

QString DashboardPane::tileText(Tile t) const
{
    return m_tiles.value(t) ? m_tiles[t]->accessibleDescription() : QString();
}

void DashboardPane::setOrg(const QString &orgKey, qint64)
{
    m_org = orgKey;
    showAll(tr("…"));
    showControls(tr("…"));
    m_asOf->setText(tr("Computing…"));
    refresh();
}

void DashboardPane::applyRole(ConsoleRole role)
{
    m_tiles[UnusedKeys]->setVisible(roleAllows(role, Capability::ManageKeys));
}

void DashboardPane::showAll(const QString &headline)
{
    for (int i = 0; i < m_tiles.size(); ++i) {
        m_tiles[i]->setAccessibleDescription(headline);
        m_tileLabels[i]->setText(m_tiles[i]->accessibleName().toHtmlEscaped() + QStringLiteral("<br>") +
                                 headline.toHtmlEscaped());
    }
}

void DashboardPane::refresh()
{
    if (m_org.isEmpty()) {
        m_read.cancel();
        m_controlsRead.cancel();
        showAll(tr("—"));
        showControls(tr("—"));
        m_asOf->setText(tr("No organization selected."));
        return;
    }
    // Several counts and two cost sums: on the table worker, so switching org never freezes the window.
    // The tiles keep their figures while a refresh is on its way; a new org shows "…" until they arrive.
    const QString org = m_org;
    m_read.run([org](Database &db) { return loadDashboard(db, org); });
    m_controlsRead.run([org](Database &db) { return loadGovernanceControls(db, org); });
}

void DashboardPane::present(const Result<DashboardSummary> &s)
{
    if (!s) {
        m_asOf->setText(tr("Could not compute the dashboard: %1").arg(s.errorMessage()));
        return;
    }
    const QString cur = s->currency.toUpper();
    const QDateTime asOf = QDateTime::fromSecsSinceEpoch(s->now, Qt::UTC);
    m_asOf->setText(
        tr("As of %1 (local time)").arg(asOf.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    m_asOf->setToolTip(asOf.toString(Qt::ISODate));
    auto tile = [this](Tile t, const QString &headline, const QString &detail) {
        setTile(t, headline, detail);
    };
    QString delta;
    if (!s->spendPreviousMonthSamePoint.isZero()) {
        const double pct = (s->spendMonthToDate.ratio(s->spendPreviousMonthSamePoint) - 1.0) * 100.0;
        delta = tr("%1%2% vs the same point last month (%3 %4)")
                    .arg(pct >= 0 ? QStringLiteral("+") : QString())
                    .arg(QLocale().toString(pct, 'f', 1))
                    .arg(s->spendPreviousMonthSamePoint.toFixed(2), cur);
    } else {
        delta = tr("nothing spent by this point last month");
    }
    tile(Spend, QStringLiteral("%1 %2").arg(s->spendMonthToDate.toFixed(2), cur), delta);
    m_tiles[Spend]->setToolTip(tr("Exact: %1 %2").arg(s->spendMonthToDate.toString(), cur));
    QStringList top;
    for (const auto &p : std::as_const(s->topProjects))
        top << QStringLiteral("%1  %2").arg(p.second.toFixed(2), p.first);
    tile(TopProjects, top.isEmpty() ? tr("no costs this month") : top.value(0), top.mid(1, 3).join(u'\n'));
    tile(UnusedKeys, QLocale().toString(s->keysUnused90Days), tr("no use (or never used) in 90 days"));
    tile(ExpiringCertificates, QLocale().toString(s->certificatesExpiring14Days),
         tr("rotate before they lapse"));
    tile(PendingInvites, QLocale().toString(s->invitesPending), tr("not yet accepted, not expired"));
    tile(MembersWithoutProject, QLocale().toString(s->membersWithoutProject),
         tr("active members outside every project"));
    if (s->lastSyncStatus.isEmpty()) {
        tile(LastSync, tr("never"), tr("press F5 to sync"));
    } else {
        // The age of the local copy is wall-clock time, even for a fixture org read as of its snapshot.
        const qint64 age = qMax<qint64>(0, Clock::nowSecs() - s->lastSyncAt);
        const QString ageText = age < 3600     ? tr("%n minute(s) ago", nullptr, int(age / 60))
                                : age < 172800 ? tr("%n hour(s) ago", nullptr, int(age / 3600))
                                               : tr("%n day(s) ago", nullptr, int(age / kSecondsPerDay));
        tile(LastSync, s->lastSyncStatus, ageText);
        m_tiles[LastSync]->setToolTip(
            QDateTime::fromSecsSinceEpoch(s->lastSyncAt, Qt::UTC).toString(Qt::ISODate));
    }
}

} // namespace orgward
