#pragma once
#include "store/databaseurl.h"

class QApplication;
class QMessageBox;

namespace orgward::ui {

// The store the console opens at start: --db, else $ORGWARD_DB, else the user's SQLite file.
// "profile:NAME" resolves a connection profile (its password from its secret store). Errors are masked
// (a password in an unparsable URL included).
struct StartupDatabase
{
    DatabaseUrl url;
    QString warning; // set when the URL came with a password (visible in ps and shell history)
};
Result<StartupDatabase> startupDatabase(const QString &dbOption);

// A start-up failure, masked, in a message box shown with open() (the caller's event loop runs it).
QMessageBox *startupErrorBox(const QString &message);

// Parses the GUI's own options (--db, --read-only, --org), opens the database and shows the main window.
int runGui(QApplication &app);
} // namespace orgward::ui
