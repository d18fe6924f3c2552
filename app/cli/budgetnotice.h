#pragma once
#include "command.h"

namespace orgward::cli {

// Evaluates the organization's budgets, records first crossings and prints one line for each (when the
// connected role may record them). Never fails the caller: a problem is a warning on stderr.
void reportNewCrossings(Context &ctx, Database &db, const QString &orgKey);

} // namespace orgward::cli
