#pragma once

namespace haitao {

// The platform seam for shutdown: SIGINT/SIGTERM (Ctrl-C, Ctrl-Break on Windows) set a flag
// that the main thread polls. std::signal is standard C++, so this builds everywhere.
void installStopHandler();
bool stopRequested();

} // namespace haitao
