#pragma once

// A loopback HTTP server that answers every GET with the same page, on its
// own threads, so that a benchmark measures the client and nothing else: no
// store, no sorting, no serialisation per call.

#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}  // namespace httplib

namespace amigo_bench {

class FixedPageServer {
 public:
  /// Starts serving `body` on a free port of 127.0.0.1; returns once it listens.
  explicit FixedPageServer(std::string body);
  ~FixedPageServer();
  FixedPageServer(const FixedPageServer&) = delete;
  FixedPageServer& operator=(const FixedPageServer&) = delete;

  /// "http://127.0.0.1:PORT".
  [[nodiscard]] const std::string& base_url() const { return base_url_; }

 private:
  std::string body_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::string base_url_;
};

}  // namespace amigo_bench
