#include "http_server.hpp"

#include <signal.h>  // NOLINT(modernize-deprecated-headers): sigaction is POSIX, not in <csignal>

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <thread>

#include "admin_api.hpp"
#include "connection_control.hpp"
#include "text.hpp"
#include "user_api.hpp"

namespace amigo::emulator {
namespace {

// Enough workers for every keep-alive connection a test suite or benchmark
// holds open at once; an idle connection keeps its worker until it times out.
constexpr std::size_t kWorkerThreads = 32;
constexpr std::size_t kRequestsPerConnection = 100000;
constexpr const char* kMatchEverything = "[\\s\\S]*";
constexpr const char* kDefaultHtml =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n";

// A worker pool that also counts accepted connections: cpp-httplib hands
// each accepted socket to the task queue exactly once.
class CountingTaskQueue : public httplib::TaskQueue {
 public:
  CountingTaskQueue(std::size_t threads, RequestJournal& journal)
      : pool_(threads), journal_(journal) {}

  void enqueue(std::function<void()> task) override {
    journal_.count_connection();
    pool_.enqueue(std::move(task));
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  RequestJournal& journal_;
};

bool is_pseudo_header(const std::string& name) {
  // cpp-httplib adds the peer's and its own address as headers.
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" ||
         name == "LOCAL_PORT";
}

// Bodies go out as they are, never compressed. cpp-httplib compresses a JSON
// or text body for any client that accepts it, preferring Brotli at its
// slowest setting: about 80 ms for a page of 100 users, which made the
// emulator, not the client, the cost of every listing. A body handed over
// through a provider of known length is sent as is.
void write_reply(const Reply& reply, httplib::Response& response) {
  response.status = reply.status;
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  if (reply.status == 204 || reply.status == 304 || reply.content_type.empty()) return;
  if (reply.body.empty()) {
    response.set_content(reply.body, reply.content_type);
    return;
  }
  auto body = std::make_shared<const std::string>(reply.body);
  response.set_content_provider(
      body->size(), reply.content_type,
      [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return sink.write(body->data() + offset, length);
      });
}

// cpp-httplib's default sets SO_REUSEPORT, which lets a second emulator bind a
// port that one already listens on and take half its connections. Only
// SO_REUSEADDR, so a restart can reuse a port in TIME_WAIT but a used one fails.
void reuse_address_only(socket_t socket) {
  const int yes = 1;
  setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

std::unique_ptr<httplib::Server> make_server(const ServerOptions& options) {
  if (options.tls_cert_path.empty() != options.tls_key_path.empty()) {
    throw std::invalid_argument("TLS needs both a certificate and a key");
  }
  if (options.tls_cert_path.empty()) return std::make_unique<httplib::Server>();
  auto server = std::make_unique<httplib::SSLServer>(options.tls_cert_path.c_str(),
                                                     options.tls_key_path.c_str());
  if (!server->is_valid()) {
    throw std::runtime_error("cannot load the TLS certificate " + options.tls_cert_path +
                             " or key " + options.tls_key_path);
  }
  return server;
}

}  // namespace

HttpServer::HttpServer(const ServerOptions& options)
    : service_(options),
      server_(make_server(options)),
      host_(options.bind),
      tls_(!options.tls_cert_path.empty()) {
  // Dropping a TLS connection on purpose makes the next write raise SIGPIPE,
  // which would otherwise end the process.
  // A handler the application installed itself is left alone.
  struct sigaction current {};
  if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
    std::signal(SIGPIPE, SIG_IGN);
  }

  server_->set_socket_options(reuse_address_only);
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(kRequestsPerConnection);
  server_->new_task_queue = [this] {
    return new CountingTaskQueue(kWorkerThreads, service_.journal());
  };
  const auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    handle(request, response);
  };
  server_->Get(kMatchEverything, handler);
  server_->Post(kMatchEverything, handler);
  server_->Put(kMatchEverything, handler);
  server_->Patch(kMatchEverything, handler);
  server_->Delete(kMatchEverything, handler);
  server_->Options(kMatchEverything, handler);
  // cpp-httplib refuses a POST that has neither Content-Length nor chunked
  // encoding, which real servers take as an empty body; such requests are
  // answered here, before cpp-httplib looks for a body.
  server_->set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        if (request.has_header("Content-Length") || request.has_header("Transfer-Encoding")) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        handle(request, response);
        return httplib::Server::HandlerResponse::Handled;
      });
  server_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, const std::exception_ptr& error) {
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          std::cerr << "amigo-emulator: internal error: " << e.what() << '\n';
        } catch (...) {
          std::cerr << "amigo-emulator: internal error\n";
        }
        write_reply(detail_reply(500, "Internal Server Error"), response);
      });

  errno = 0;
  port_ = options.port == 0
              ? server_->bind_to_any_port(options.bind)
              : (server_->bind_to_port(options.bind, options.port) ? options.port : -1);
  if (port_ <= 0) {
    const int error = errno;
    throw std::runtime_error("cannot listen on " + options.bind + ":" +
                             std::to_string(options.port) +
                             (error == EADDRINUSE ? ": address already in use (is another "
                                                    "emulator or server running there?)"
                                                  : ""));
  }
  widen_listen_backlog(port_);
}

HttpServer::~HttpServer() { stop(); }

std::string HttpServer::base_url() const {
  const std::string host = host_.find(':') == std::string::npos ? host_ : "[" + host_ + "]";
  return (tls_ ? "https://" : "http://") + host + ":" + std::to_string(port_);
}

bool HttpServer::serve() {
  serving_ = true;
  const bool served = stop_requested_ || server_->listen_after_bind();
  serving_ = false;
  return served;
}

void HttpServer::stop() {
  stop_requested_ = true;
  // cpp-httplib ignores a stop that comes before its accept loop runs.
  while (serving_ && !server_->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  server_->stop();
  shut_down_connections(port_);
}

Reply HttpServer::answer(const Route& route, const httplib::Request& request) {
  if (route.kind == RouteKind::operation) return handle_operation(service_, route, request);
  if (service_.maintenance() && request.target.rfind("/v1/", 0) == 0) {
    return detail_reply(503, "The service is going through temporary maintenance.");
  }
  if (route.kind == RouteKind::redirect) {
    const std::size_t query = request.target.find('?');
    const std::string location =
        route.location + (query == std::string::npos ? "" : request.target.substr(query));
    return Reply{307, {}, {}, {{"Location", location}}};
  }
  if (route.kind == RouteKind::method_not_allowed) {
    Reply reply = detail_reply(405, "Method Not Allowed");
    reply.headers.emplace_back("Allow", route.allow);
    return reply;
  }
  return detail_reply(404, "Not Found");
}

Reply HttpServer::answer_with_fault(const Fault& fault, const Route& route,
                                    const httplib::Request& request) {
  Reply reply;
  switch (fault.action) {
    case FaultAction::delay:
      std::this_thread::sleep_for(std::chrono::milliseconds(fault.delay_ms));
      return answer(route, request);
    case FaultAction::close_before:
      shut_down_connection(request, port_);
      return Reply{0, {}, {}, {}};
    case FaultAction::close_after:
      reply = answer(route, request);
      shut_down_connection(request, port_);
      return Reply{0, {}, {}, {}};
    case FaultAction::truncated_body:
      reply = answer(route, request);
      if (reply.body.empty()) {
        reply.status = reply.status == 204 ? 200 : reply.status;
        reply.body = R"({"detail": "Succeeded."})";
        reply.content_type = "application/json";
      }
      // Half the document, and never all of it, so the JSON is always cut.
      reply.body.resize(std::max<std::size_t>(1, reply.body.size() / 2));
      return reply;
    case FaultAction::status:
      reply = fault.body ? Reply{fault.status, *fault.body, "application/json", {}}
                         : detail_reply(fault.status, "Injected fault: HTTP " +
                                                          std::to_string(fault.status) + ".");
      break;
    case FaultAction::html_body:
      reply =
          Reply{fault.status, fault.body.value_or(kDefaultHtml), "text/html; charset=utf-8", {}};
      break;
  }
  if (fault.retry_after) reply.headers.emplace_back("Retry-After", *fault.retry_after);
  if (route.kind == RouteKind::operation) {
    add_rate_headers_for_fault(service_, route, request, reply);
  }
  return reply;
}

void HttpServer::handle(const httplib::Request& request, httplib::Response& response) {
  const std::size_t query_start = request.target.find('?');
  const std::string raw_path = request.target.substr(0, query_start);
  const Route route = route_request(request.method, raw_path);

  RequestRecord record;
  record.operation = route.kind == RouteKind::operation ? operation_name(route.operation)
                     : route.kind == RouteKind::admin   ? "admin"
                                                        : "other";
  record.method = request.method;
  record.path = raw_path;
  if (query_start != std::string::npos) record.query = request.target.substr(query_start + 1);
  for (const auto& [name, value] : request.headers) {
    if (!is_pseudo_header(name)) record.header_names.push_back(name);
  }
  if (request.has_header("x-mongo-cluster-name")) {
    record.mongo_cluster_name = request.get_header_value("x-mongo-cluster-name");
  }

  Reply reply;
  if (route.kind == RouteKind::admin) {
    reply = handle_admin(service_, request.method, raw_path, request.body);
  } else if (const auto fault =
                 service_.faults().take(request.method, raw_path, percent_decode(raw_path))) {
    reply = answer_with_fault(*fault, route, request);
  } else {
    reply = answer(route, request);
  }

  record.status = reply.status;
  service_.journal().record(std::move(record));
  if (reply.status == 0) {
    // The connection is already shut down; whatever cpp-httplib tries to
    // write now fails, and it closes the socket.
    response.status = 500;
    return;
  }
  write_reply(reply, response);
}

}  // namespace amigo::emulator
