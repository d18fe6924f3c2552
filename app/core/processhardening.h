#pragma once
// Keeps secrets out of crash dumps. Orgward holds admin keys, database passwords and vault keys in its
// memory; a core file, a crash reporter or another process of the same user attaching a debugger would
// read them. Called once at start-up by the orgward executable, before any secret is loaded.
#include "core/result.h"

namespace orgward {

// Linux: no core dumps (RLIMIT_CORE 0) and not dumpable (PR_SET_DUMPABLE 0, which also stops ptrace
// attach by non-root processes of the same user and makes /proc/<pid>/mem unreadable to them).
// macOS and other Unixes: RLIMIT_CORE 0. Windows: no Windows Error Reporting dialog or dump for this
// process (SetErrorMode). An error names what could not be set; Orgward carries on (it is a hardening
// step, not a precondition) and logs it.
Status hardenProcess();

} // namespace orgward
