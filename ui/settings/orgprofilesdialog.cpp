#include "orgprofilesdialog.h"

#include "core/sanitizer.h"
#include "security/adminkeyasync.h"
#include "security/orgcheck.h"
#include "security/secretstore.h"
#include "security/vault.h"

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
QString storeLabel(const SecretStoreRef &store)
{
    switch (store.kind) {
    case SecretStoreKind::Keychain:
        return OrgProfilesDialog::tr("keychain");
    case SecretStoreKind::Memory:
        return OrgProfilesDialog::tr("session only");
    case SecretStoreKind::Vault:
        return OrgProfilesDialog::tr("vault");
    }
    return OrgProfilesDialog::tr("keychain");
}
} // namespace

void OrgProfilesDialog::installPassphraseDialog(QWidget *parent)
{
    QPointer<QWidget> owner(parent);
    SecretStores::setPassphraseProvider([owner](const QString &path, bool creating) -> Result<QString> {
        bool ok = false;
        const QString label = creating ? tr("Choose a passphrase for the new vault %1:").arg(path)
                                       : tr("Passphrase for the vault %1:").arg(path);
        QString pw =
            QInputDialog::getText(owner, tr("Orgward vault"), label, QLineEdit::Password, QString(), &ok);
        if (!ok || pw.isEmpty())
            return err(Error::Code::Cancelled, tr("no passphrase given for the vault %1").arg(path));
        if (!creating) return pw;
        // A new vault: long enough, and typed twice (a typo here would lock the keys away for good).
        if (auto s = Vault::checkNewPassphrase(pw, path); !s) return s.error();
        QString again = QInputDialog::getText(owner, tr("Orgward vault"), tr("Repeat the passphrase:"),
                                              QLineEdit::Password, QString(), &ok);
        const bool same = ok && again == pw;
        wipeSecret(again);
        if (!same) {
            wipeSecret(pw);
            return err(Error::Code::Usage,
                       tr("the passphrases differ; the vault %1 was not created. Try again.").arg(path));
        }
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
    m_test->setObjectName(QStringLiteral("test"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_check = new OrgCheckJob(this);
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
    layout->addWidget(m_status);
    layout->addWidget(note);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &OrgProfilesDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &OrgProfilesDialog::editProfile);
    connect(m_remove, &QPushButton::clicked, this, &OrgProfilesDialog::removeProfile);
    connect(m_test, &QPushButton::clicked, this, &OrgProfilesDialog::testProfile);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &OrgProfilesDialog::editProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, &OrgProfilesDialog::updateButtons);
    connect(m_check, &OrgCheckJob::finished, this, &OrgProfilesDialog::onCheckFinished);
    installPassphraseDialog(this);
    reload();
}

void OrgProfilesDialog::done(int result)
{
    m_check->cancel(); // the job's thread is joined when the dialog (its parent) goes
    QDialog::done(result);
}

void OrgProfilesDialog::updateButtons()
{
    const bool selected = m_list->currentRow() >= 0;
    for (QPushButton *b : {m_edit, m_remove})
        b->setEnabled(selected);
    m_test->setEnabled(selected && m_testing.isEmpty());
}

void OrgProfilesDialog::showStatus(const QString &text)
{
    m_status->setText(Sanitizer::mask(text));
}

void OrgProfilesDialog::reload()
{
    m_list->clear();
    auto list = OrgProfiles::list();
    if (!list) {
        showStatus(list.errorMessage());
        return;
    }
    for (const OrgProfile &p : *list) {
        auto *item = new QListWidgetItem(tr("%1 — %2 (%3, key in %4)")
                                             .arg(p.displayName, p.orgId.isEmpty() ? p.name : p.orgId,
                                                  p.workload, storeLabel(p.secretStore)),
                                         m_list);
        item->setData(Qt::UserRole, p.name);
    }
    updateButtons();
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
    // As stored: editing is how a profile whose API base is now refused gets repaired.
    auto p = OrgProfiles::get(currentName(), OrgProfiles::BaseCheck::ForRepair);
    if (!p) return;
    if (runEditor(*p, false)) reload();
}

void OrgProfilesDialog::removeProfile()
{
    const QString name = currentName();
    if (name.isEmpty()) return;
    auto *ask = new QMessageBox(
        QMessageBox::Question, tr("Remove organization"),
        tr("Remove the profile “%1” and its stored admin key? Synced data stays in the database.").arg(name),
        QMessageBox::Yes | QMessageBox::No, this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, name](int answer) {
        if (answer == QMessageBox::Yes) removeConfirmed(name);
    });
    ask->open();
}

void OrgProfilesDialog::removeConfirmed(const QString &name)
{
    if (auto r = OrgProfiles::remove(name); !r)
        showStatus(tr("Cannot remove %1: %2").arg(name, r.errorMessage()));
    reload();
    Q_EMIT profilesChanged();
}

void OrgProfilesDialog::testProfile()
{
    auto p = OrgProfiles::get(currentName());
    if (!p) {
        showStatus(p.errorMessage());
        return;
    }
    // The key comes from the keychain's D-Bus job: the GUI thread does not wait for it.
    readAdminKeyAsync(*p, this, [this, profile = *p](Result<QString> key) {
        if (!key) return showStatus(key.errorMessage());
        startCheck(profile, *key);
    });
}

void OrgProfilesDialog::startCheck(const OrgProfile &profile, const QString &adminKey)
{
    if (!m_check->start(profile, adminKey)) return; // one test at a time
    m_testing = profile.name;
    m_test->setText(tr("Testing…"));
    updateButtons();
    showStatus(tr("Testing %1…").arg(profile.name));
}

void OrgProfilesDialog::onCheckFinished(const Result<OrgCheck> &check)
{
    const QString name = std::exchange(m_testing, QString());
    m_test->setText(tr("&Test"));
    updateButtons();
    if (!check) {
        showStatus(check.error().code == Error::Code::Cancelled
                       ? tr("Test of %1 cancelled.").arg(name)
                       : tr("Test of %1 failed: %2").arg(name, check.errorMessage()));
        return;
    }
    QStringList lines{tr("Test of %1:").arg(name)};
    for (const OrgCheckLine &l : check->lines)
        lines << (l.ok ? tr("✔ %1: %2") : tr("✘ %1: %2")).arg(l.what, l.detail);
    showStatus(lines.join(u'\n'));
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
    auto *vaultPath = new QLineEdit(p.secretStore.isVault() ? p.secretStore.vaultPath : QString(), &d);
    auto *browse = new QPushButton(tr("Browse…"), &d);
    (p.secretStore.kind == SecretStoreKind::Memory  ? session
     : p.secretStore.kind == SecretStoreKind::Vault ? vault
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
    const SecretStoreRef oldStore = p.secretStore;
    const auto chosenStore = [=] {
        return session->isChecked() ? SecretStoreRef::memory()
               : vault->isChecked() ? SecretStoreRef::vault(vaultPath->text().trimmed())
                                    : SecretStoreRef::keychain();
    };
    // After the key is stored (or kept): the metadata, then the old store's copy of the key goes.
    const auto finish = [&] {
        if (auto s = OrgProfiles::save(p); !s) {
            QMessageBox::warning(&d, d.windowTitle(), s.errorMessage());
            return;
        }
        if (!isNew && oldStore != p.secretStore && oldStore.kind != SecretStoreKind::Memory)
            removeAdminKeyAsync(oldStore, p.name, this, [](const Status &) {}); // best effort, as before
        saved = true;
        d.accept();
    };
    // The key goes to its store asynchronously (the keychain answers over D-Bus); the form is disabled
    // meanwhile so that it can be neither edited nor closed with a write in flight.
    std::function<void(QString)> storeKey = [&](QString secret) {
        d.setEnabled(false);
        writeAdminKeyAsync(p, secret, &d, [&, secret](Status w) mutable {
            d.setEnabled(true);
            if (!w && w.error().code == Error::Code::Security &&
                p.secretStore.kind == SecretStoreKind::Keychain) {
                // The keychain is missing or unusable: never a silent fallback. The user chooses.
                QMessageBox ask(QMessageBox::Warning, d.windowTitle(), Sanitizer::mask(w.errorMessage()),
                                QMessageBox::Cancel, &d);
                QPushButton *sessionBtn = ask.addButton(tr("Session only"), QMessageBox::AcceptRole);
                QPushButton *vaultBtn = ask.addButton(tr("Vault file…"), QMessageBox::ActionRole);
                ask.exec();
                if (ask.clickedButton() == sessionBtn) {
                    session->setChecked(true);
                } else if (ask.clickedButton() != vaultBtn ||
                           (browse->click(), vaultPath->text().trimmed().isEmpty())) {
                    wipeSecret(secret);
                    return;
                }
                p.secretStore = chosenStore();
                return storeKey(secret);
            }
            wipeSecret(secret);
            key->clear();
            if (!w) {
                QMessageBox::warning(&d, d.windowTitle(), Sanitizer::mask(w.errorMessage()));
                return;
            }
            finish();
        });
    };
    connect(box, &QDialogButtonBox::accepted, &d, [&] {
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
        p.secretStore = chosenStore();
        if (auto v = OrgProfiles::validateName(p.name); !v) {
            QMessageBox::warning(&d, d.windowTitle(), v.errorMessage());
            return;
        }
        if (vault->isChecked() && vaultPath->text().trimmed().isEmpty()) {
            QMessageBox::warning(&d, d.windowTitle(), tr("Choose the vault file."));
            return;
        }
        const QString secret = key->text().trimmed();
        if (secret.isEmpty() && (isNew || oldStore != p.secretStore)) {
            QMessageBox::warning(&d, d.windowTitle(), tr("Enter the admin key (it starts with sk-admin-)."));
            return;
        }
        if (secret.isEmpty()) return finish();
        storeKey(secret);
    });
    d.exec();
    if (saved) Q_EMIT profilesChanged();
    return saved;
}

} // namespace orgward::ui
