#include "orgprofilesdialog.h"

#include "security/orgcheck.h"
#include "core/sanitizer.h"
#include "security/secretstore.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace orgward::ui {

namespace {
QString storeLabel(const QString &spec)
{
    if (spec == u"keychain") return OrgProfilesDialog::tr("keychain");
    if (spec == u"memory") return OrgProfilesDialog::tr("session only");
    return OrgProfilesDialog::tr("vault");
}
} // namespace

void OrgProfilesDialog::installPassphraseDialog(QWidget *parent)
{
    QPointer<QWidget> owner(parent);
    SecretStores::setPassphraseProvider([owner](const QString &path, bool creating) -> Result<QString> {
        bool ok = false;
        const QString label = creating ? tr("Choose a passphrase for the new vault %1:").arg(path)
                                       : tr("Passphrase for the vault %1:").arg(path);
        const QString pw =
            QInputDialog::getText(owner, tr("Orgward vault"), label, QLineEdit::Password, QString(), &ok);
        if (!ok || pw.isEmpty())
            return err(Error::Code::Cancelled, tr("no passphrase given for the vault %1").arg(path));
        return pw;
    });
}

OrgProfilesDialog::OrgProfilesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Organizations"));
    resize(640, 380);
    m_list = new QListWidget(this);
    auto *add = new QPushButton(tr("&Add…"), this);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_test = new QPushButton(tr("&Test"), this);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {add, m_edit, m_remove, m_test})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *note = new QLabel(
        tr("Profile details are kept in %1. Admin keys are kept only in the keychain, an encrypted "
           "vault, or memory for this session.")
            .arg(OrgProfiles::settingsPath()),
        this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(note);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &OrgProfilesDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &OrgProfilesDialog::editProfile);
    connect(m_remove, &QPushButton::clicked, this, &OrgProfilesDialog::removeProfile);
    connect(m_test, &QPushButton::clicked, this, &OrgProfilesDialog::testProfile);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &OrgProfilesDialog::editProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int r) {
        for (QPushButton *b : {m_edit, m_remove, m_test})
            b->setEnabled(r >= 0);
    });
    installPassphraseDialog(this);
    reload();
}

void OrgProfilesDialog::reload()
{
    m_list->clear();
    auto list = OrgProfiles::list();
    if (!list) {
        QMessageBox::warning(this, tr("Organizations"), list.errorMessage());
        return;
    }
    for (const OrgProfile &p : *list) {
        auto *item = new QListWidgetItem(tr("%1 — %2 (%3, key in %4)")
                                             .arg(p.displayName, p.orgId.isEmpty() ? p.name : p.orgId,
                                                  p.workload, storeLabel(p.secretStore)),
                                         m_list);
        item->setData(Qt::UserRole, p.name);
    }
    for (QPushButton *b : {m_edit, m_remove, m_test})
        b->setEnabled(m_list->currentRow() >= 0);
}

QString OrgProfilesDialog::currentName() const
{
    const QListWidgetItem *i = m_list->currentItem();
    return i ? i->data(Qt::UserRole).toString() : QString();
}

void OrgProfilesDialog::addProfile()
{
    if (runEditor(OrgProfile{}, true)) reload();
}

void OrgProfilesDialog::editProfile()
{
    auto p = OrgProfiles::get(currentName());
    if (!p) return;
    if (runEditor(*p, false)) reload();
}

void OrgProfilesDialog::removeProfile()
{
    const QString name = currentName();
    if (name.isEmpty()) return;
    if (QMessageBox::question(
            this, tr("Remove organization"),
            tr("Remove the profile “%1” and its stored admin key? Synced data stays in the database.")
                .arg(name)) != QMessageBox::Yes)
        return;
    if (auto r = OrgProfiles::remove(name); !r)
        QMessageBox::warning(this, tr("Remove organization"), Sanitizer::mask(r.errorMessage()));
    reload();
    Q_EMIT profilesChanged();
}

void OrgProfilesDialog::testProfile()
{
    auto p = OrgProfiles::get(currentName());
    if (!p) return;
    auto key = readAdminKey(p->name);
    if (!key) {
        QMessageBox::warning(this, tr("Test organization"), Sanitizer::mask(key.errorMessage()));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto check = checkOrganization(*p, *key);
    QApplication::restoreOverrideCursor();
    if (!check) {
        QMessageBox::warning(this, tr("Test organization"), Sanitizer::mask(check.errorMessage()));
        return;
    }
    QStringList lines;
    for (const OrgCheckLine &l : check->lines)
        lines << (l.ok ? tr("✔ %1: %2") : tr("✘ %1: %2")).arg(l.what, l.detail);
    QMessageBox::information(this, tr("Test organization"), Sanitizer::mask(lines.join(u'\n')));
}

bool OrgProfilesDialog::runEditor(OrgProfile p, bool isNew)
{
    QDialog d(this);
    d.setWindowTitle(isNew ? tr("Add organization") : tr("Edit organization"));
    auto *name = new QLineEdit(p.name, &d);
    name->setReadOnly(!isNew);
    auto *display = new QLineEdit(p.displayName, &d);
    auto *orgId = new QLineEdit(p.orgId, &d);
    orgId->setPlaceholderText(tr("org-… (optional)"));
    auto *apiBase = new QLineEdit(p.apiBase, &d);
    auto *workload = new QComboBox(&d);
    workload->setEditable(true);
    workload->addItems(
        {QStringLiteral("default"), QStringLiteral("finance-prod"), QStringLiteral("finance-staging")});
    workload->setCurrentText(p.workload);
    auto *tags = new QLineEdit(p.requestTags.join(QStringLiteral(", ")), &d);
    auto *quota = new QLineEdit(p.quotaTag, &d);
    auto *ua = new QLineEdit(p.userAgentTag, &d);
    auto *key = new QLineEdit(&d);
    key->setEchoMode(QLineEdit::Password);
    key->setPlaceholderText(isNew ? tr("sk-admin-…") : tr("leave empty to keep the stored key"));
    auto *keychain = new QRadioButton(tr("Keychain"), &d);
    auto *session = new QRadioButton(tr("Session only"), &d);
    auto *vault = new QRadioButton(tr("Encrypted vault file:"), &d);
    auto *vaultPath = new QLineEdit(
        p.secretStore.startsWith(QLatin1String("vault:")) ? p.secretStore.mid(6) : QString(), &d);
    auto *browse = new QPushButton(tr("Browse…"), &d);
    (p.secretStore == u"memory"                          ? session
     : p.secretStore.startsWith(QLatin1String("vault:")) ? vault
                                                         : keychain)
        ->setChecked(true);
    connect(browse, &QPushButton::clicked, &d, [&d, vaultPath, vault] {
        const QString f = QFileDialog::getSaveFileName(&d, tr("Vault file"), vaultPath->text(),
                                                       tr("Orgward vault (*.vault)"), nullptr,
                                                       QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty()) {
            vaultPath->setText(f);
            vault->setChecked(true);
        }
    });
    auto *storeRow = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{keychain, session, vault, vaultPath, browse})
        storeRow->addWidget(w);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Display name:"), display);
    form->addRow(tr("Organization id:"), orgId);
    form->addRow(tr("API base URL:"), apiBase);
    form->addRow(tr("Workload:"), workload);
    form->addRow(tr("Request tags:"), tags);
    form->addRow(tr("Quota tag:"), quota);
    form->addRow(tr("User-agent tag:"), ua);
    form->addRow(tr("Admin key:"), key);
    form->addRow(tr("Keep the key in:"), storeRow);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &d);
    auto *layout = new QVBoxLayout(&d);
    layout->addLayout(form);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::rejected, &d, &QDialog::reject);

    bool saved = false;
    connect(box, &QDialogButtonBox::accepted, &d, [&] {
        const QString oldStore = p.secretStore;
        p.name = name->text().trimmed();
        p.displayName = display->text().trimmed();
        p.orgId = orgId->text().trimmed();
        p.apiBase = apiBase->text().trimmed();
        p.workload = normalizeWorkload(workload->currentText());
        p.requestTags = tags->text().split(u',', Qt::SkipEmptyParts);
        for (QString &t : p.requestTags)
            t = t.trimmed();
        p.quotaTag = quota->text().trimmed();
        p.userAgentTag = ua->text().trimmed();
        p.secretStore = session->isChecked() ? QStringLiteral("memory")
                        : vault->isChecked() ? QStringLiteral("vault:") + vaultPath->text().trimmed()
                                             : QStringLiteral("keychain");
        if (auto v = OrgProfiles::validateName(p.name); !v) {
            QMessageBox::warning(&d, d.windowTitle(), v.errorMessage());
            return;
        }
        if (vault->isChecked() && vaultPath->text().trimmed().isEmpty()) {
            QMessageBox::warning(&d, d.windowTitle(), tr("Choose the vault file."));
            return;
        }
        QString secret = key->text().trimmed();
        if (secret.isEmpty() && (isNew || oldStore != p.secretStore)) {
            QMessageBox::warning(&d, d.windowTitle(), tr("Enter the admin key (it starts with sk-admin-)."));
            return;
        }
        if (!secret.isEmpty()) {
            auto w = writeAdminKey(p, secret);
            if (!w && w.error().code == Error::Code::Security && p.secretStore == u"keychain") {
                // No keychain: never a silent fallback. The user chooses.
                QMessageBox ask(QMessageBox::Warning, d.windowTitle(), noKeychainAdvice(),
                                QMessageBox::Cancel, &d);
                QPushButton *sessionBtn = ask.addButton(tr("Session only"), QMessageBox::AcceptRole);
                QPushButton *vaultBtn = ask.addButton(tr("Vault file…"), QMessageBox::ActionRole);
                ask.exec();
                if (ask.clickedButton() == sessionBtn) {
                    session->setChecked(true);
                } else if (ask.clickedButton() == vaultBtn) {
                    browse->click();
                    if (vaultPath->text().trimmed().isEmpty()) return;
                } else {
                    return;
                }
                p.secretStore = session->isChecked() ? QStringLiteral("memory")
                                                     : QStringLiteral("vault:") + vaultPath->text().trimmed();
                w = writeAdminKey(p, secret);
            }
            secret.fill(u'\0');
            key->clear();
            if (!w) {
                QMessageBox::warning(&d, d.windowTitle(), Sanitizer::mask(w.errorMessage()));
                return;
            }
        }
        if (auto s = OrgProfiles::save(p); !s) {
            QMessageBox::warning(&d, d.windowTitle(), s.errorMessage());
            return;
        }
        if (!isNew && oldStore != p.secretStore && oldStore != u"memory")
            if (auto old = SecretStores::forSpec(oldStore)) (void)(*old)->remove(adminKeySecretName(p.name));
        saved = true;
        d.accept();
    });
    d.exec();
    if (saved) Q_EMIT profilesChanged();
    return saved;
}

} // namespace orgward::ui
