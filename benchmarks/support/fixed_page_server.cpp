#include "fixed_page_server.hpp"

#include <httplib.h>

#include <chrono>
#include <stdexcept>

namespace amigo_bench {

FixedPageServer::FixedPageServer(std::string body)
    : body_(std::move(body)), server_(std::make_unique<httplib::Server>()) {
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(1'000'000);
  // The same bytes for every client, whatever Accept-Encoding says: cpp-httplib
  // compresses "application/json" when asked, which would charge the client
  // that asks (the SDK) for inflating and the other not.
  server_->Get(".*", [this](const httplib::Request& /*request*/, httplib::Response& response) {
    response.set_content(body_, "application/json; charset=utf-8");
  });
  const int port = server_->bind_to_any_port("127.0.0.1");
  if (port <= 0) throw std::runtime_error("the fixed page server could not bind a port");
  base_url_ = "http://127.0.0.1:" + std::to_string(port);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FixedPageServer::~FixedPageServer() {
  server_->stop();
  thread_.join();
}

}  // namespace amigo_bench
