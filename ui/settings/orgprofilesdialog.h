#pragma once
// Settings → Organizations: list, add, edit, remove and test organization profiles. The admin key is typed
// into a password field and goes straight to the chosen secret store (keychain, session memory or an
// encrypted vault file); it is never shown again. When no keychain exists the user chooses explicitly.
// Test runs the org check on a thread of its own (OrgCheckJob): the dialog stays responsive, shows
// "Testing…" and the answer in its status line; closing the dialog cancels a running test.
#include "security/orgcheck.h"
#include "security/orgprofiles.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace orgward::ui {

class OrgProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OrgProfilesDialog(QWidget *parent = nullptr);

    // Vault passphrases asked with a password dialog (call once in the GUI).
    static void installPassphraseDialog(QWidget *parent);

    void done(int result) override; // also cancels a running test

Q_SIGNALS:
    void profilesChanged();

private:
    void reload();
    void addProfile();
    void editProfile();
    void removeProfile();
    void testProfile();
    void removeConfirmed(const QString &name);
    // Runs the org check off the GUI thread; onCheckFinished() shows its answer.
    void startCheck(const OrgProfile &profile, const QString &adminKey);
    void onCheckFinished(const Result<OrgCheck> &result);
    void updateButtons();
    void showStatus(const QString &text);
    QString currentName() const;
    // Edits `p` (and the key) in a form; stores on accept. False when cancelled or failed.
    bool runEditor(OrgProfile p, bool isNew);

    QListWidget *m_list = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_status = nullptr; // the last test's answer or error ("status")
    OrgCheckJob *m_check = nullptr;
    QString m_testing; // profile under test; empty when idle
};

} // namespace orgward::ui
