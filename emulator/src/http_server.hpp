#pragma once

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>

#include "reply.hpp"
#include "route.hpp"
#include "service.hpp"

namespace amigo::emulator {

/// The emulator over HTTP(S): cpp-httplib, a router of its own over the raw request path, fault
/// injection and the request journal.
class HttpServer {
 public:
  /// Loads the seed and binds the port (0 picks a free one). Throws std::invalid_argument for
  /// a bad seed or option and std::runtime_error when TLS setup or binding fails.
  explicit HttpServer(const ServerOptions& options);
  ~HttpServer();

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }

  /// `http://HOST:PORT` or `https://HOST:PORT`, without a trailing slash.
  std::string base_url() const;

  Service& service() { return service_; }

  /// Accepts connections until stop(); returns false if the server could not run.
  bool serve();

  bool is_running() const { return server_->is_running(); }

  /// Makes serve() return; safe from any thread.
  void stop();

 private:
  void handle(const httplib::Request& request, httplib::Response& response);
  Reply answer(const Route& route, const httplib::Request& request);
  Reply answer_with_fault(const Fault& fault, const Route& route, const httplib::Request& request);

  Service service_;
  std::unique_ptr<httplib::Server> server_;
  std::string host_;
  int port_ = 0;
  bool tls_ = false;
  std::atomic<bool> serving_{false};
  std::atomic<bool> stop_requested_{false};
};

}  // namespace amigo::emulator
