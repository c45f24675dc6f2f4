#include "core/platform/stopsignal.h"

#include <atomic>
#include <csignal>

namespace haitao {

namespace {
volatile std::sig_atomic_t g_stop = 0;

extern "C" void onStopSignal(int)
{
    g_stop = 1;
}
} // namespace

void installStopHandler()
{
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
#ifdef SIGBREAK
    std::signal(SIGBREAK, onStopSignal);
#endif
}

bool stopRequested()
{
    return g_stop != 0;
}

} // namespace haitao
