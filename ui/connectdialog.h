#pragma once
// File → Connect…: a non-modal dialog that picks the console's store. It lists the PostgreSQL connection
// profiles ("orgward db add"; their passwords come from the profile's secret store, never from a URL),
// "SQLite file…" and "URL…" (a URL that carries a password is refused: it would sit in plain text).
// chosen() hands the resolved URL to the window, which opens it and reports back through showError().
// Every message shown goes through Sanitizer::mask.
#include "store/databaseurl.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace orgward {

class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        Profile,
        SqliteFile,
        Url
    };
    explicit ConnectDialog(QWidget *parent = nullptr);

    // Re-reads the profiles; current describes the store the window shows now.
    void reload(const QString &current);
    void setWarning(const QString &text); // empty hides it
    void showError(const QString &text);  // masked; empty hides it
    QString errorText() const;
    QString warningText() const;

    // Selects the row of that choice (and profile name); false when there is none.
    bool select(Choice choice, const QString &profile = {});
    void setSqlitePath(const QString &path);
    void setUrlText(const QString &text);
    void connectSelected(); // the Connect button

Q_SIGNALS:
    void chosen(const orgward::DatabaseUrl &url);

private:
    void onRowChanged();
    void browse();
    Result<DatabaseUrl> selectedUrl() const;

    QLabel *m_current = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_error = nullptr;
    QListWidget *m_list = nullptr;
    QStackedWidget *m_details = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_connect = nullptr;
};

// Registers the password part of a database URL (also of one that does not parse) with the Sanitizer, so
// no message that quotes the URL shows it. True when the text carries a password.
bool registerUrlPassword(const QString &urlText);

} // namespace orgward
