#pragma once
class QApplication;

namespace orgward::ui {
// Parses the GUI's own options (--db, --read-only), opens the database and shows the main window.
int runGui(QApplication &app);
} // namespace orgward::ui
