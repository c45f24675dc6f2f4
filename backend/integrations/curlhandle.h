#pragma once

#include <curl/curl.h>

#include <memory>
#include <mutex>

// What every libcurl caller of the server needs (httpfetch, smtpsender): the one global init
// and owning handles.
namespace haitao::server::curl {

// curl_global_init is not thread-safe and must run before any other curl call: once per
// process (one flag for all callers: an inline function has one static). There is no matching
// cleanup; the process ends instead.
inline void initOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter
{
    void operator()(CURL *c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter
{
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};

using Easy = std::unique_ptr<CURL, EasyDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

} // namespace haitao::server::curl
