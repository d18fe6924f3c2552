#include "consolepane.h"

#include "tablepane.h"

namespace orgward {

bool ConsolePane::exportCsv(const QString &path, QString *error)
{
    if (TablePane *t = activeTable()) return t->exportCsv(path, error);
    *error = tr("This pane has no table to export.");
    return false;
}

} // namespace orgward
