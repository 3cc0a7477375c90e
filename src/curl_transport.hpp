#pragma once

// The default HttpTransport: libcurl. Owned by its client, with no global pool
// and no threads of its own: a pool of easy handles, each keeping its open
// connection between calls, plus a share handle so that DNS answers and TLS
// sessions are reused across handles and threads.

#include <curl/curl.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "amigo/transport.hpp"

namespace amigo::detail {

class CurlTransport final : public HttpTransport {
 public:
  struct Settings {
    std::chrono::milliseconds connect_timeout{10'000};
    /// A PEM bundle of CAs to trust instead of the system's; empty for the system's.
    std::string ca_bundle_path;
  };

  explicit CurlTransport(Settings settings);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  HttpResponse send(const HttpRequest& request) override;

 private:
  CURL* acquire_handle();
  void release_handle(CURL* handle);

  static void lock_share(CURL* handle, curl_lock_data data, curl_lock_access access, void* self);
  static void unlock_share(CURL* handle, curl_lock_data data, void* self);

  Settings settings_;
  CURLSH* share_ = nullptr;
  // One mutex per kind of shared data, so a DNS lookup does not wait for the connection cache.
  std::mutex share_mutexes_[CURL_LOCK_DATA_LAST];
  std::mutex pool_mutex_;
  std::vector<CURL*> idle_handles_;
};

}  // namespace amigo::detail
