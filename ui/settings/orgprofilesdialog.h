#pragma once
// Settings → Organizations: list, add, edit, remove and test organization profiles. The admin key is typed
// into a password field and goes straight to the chosen secret store (keychain, session memory or an
// encrypted vault file); it is never shown again. When no keychain exists the user chooses explicitly.
#include "security/orgprofiles.h"

#include <QDialog>

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

Q_SIGNALS:
    void profilesChanged();

private:
    void reload();
    void addProfile();
    void editProfile();
    void removeProfile();
    void testProfile();
    QString currentName() const;
    // Edits `p` (and the key) in a form; stores on accept. False when cancelled or failed.
    bool runEditor(OrgProfile p, bool isNew);

    QListWidget *m_list = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_test = nullptr;
};

} // namespace orgward::ui
