#include "curl_transport.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "amigo/errors.hpp"

namespace amigo::detail {
namespace {

using namespace std::chrono_literals;

// A one-file HTTP/1.1 server on 127.0.0.1 that answers from a script: enough
// to see what libcurl sends and how the transport reads what comes back.
class LocalHttpServer {
 public:
  enum class Action { answer, close, hang };
  struct Reply {
    Action action = Action::answer;
    std::string bytes;
  };
  using Script = std::function<Reply(const std::string& request)>;

  explicit LocalHttpServer(Script script) : script_(std::move(script)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        ::listen(listener_, 64) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("test server could not listen");
    }
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }

  ~LocalHttpServer() {
    stopping_ = true;
    acceptor_.join();
    for (auto& worker : workers_) worker.join();
    ::close(listener_);
  }

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int connections() const { return connections_.load(); }
  std::vector<std::string> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  bool wait_readable(int fd) const {
    pollfd poller{fd, POLLIN, 0};
    while (!stopping_) {
      if (::poll(&poller, 1, 20) > 0) return true;
    }
    return false;
  }

  void accept_loop() {
    while (wait_readable(listener_)) {
      int connection = ::accept(listener_, nullptr, nullptr);
      if (connection < 0) continue;
      ++connections_;
      workers_.emplace_back([this, connection] { serve(connection); });
    }
  }

  // Reads one request (headers and a Content-Length body); empty when the peer
  // closed, or sent something that is not HTTP (a TLS handshake, say).
  std::string read_request(int fd, std::string& buffer) const {
    for (;;) {
      auto header_end = buffer.find("\r\n\r\n");
      if (!buffer.empty() && std::isupper(static_cast<unsigned char>(buffer[0])) == 0) return {};
      if (header_end != std::string::npos) {
        std::size_t body_length = 0;
        std::string lower = buffer.substr(0, header_end);
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (auto at = lower.find("content-length:"); at != std::string::npos) {
          body_length = std::stoul(lower.substr(at + 15));
        }
        std::size_t total = header_end + 4 + body_length;
        if (buffer.size() >= total) {
          std::string request = buffer.substr(0, total);
          buffer.erase(0, total);
          return request;
        }
      }
      if (!wait_readable(fd)) return {};
      char chunk[4096];
      ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
      if (got <= 0) return {};
      buffer.append(chunk, static_cast<std::size_t>(got));
    }
  }

  void serve(int fd) {
    std::string buffer;
    for (;;) {
      std::string request = read_request(fd, buffer);
      if (request.empty()) break;
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(request);
      }
      Reply reply = script_(request);
      if (reply.action == Action::close) break;
      if (reply.action == Action::hang) {
        while (!stopping_) std::this_thread::sleep_for(10ms);
        break;
      }
      ::send(fd, reply.bytes.data(), reply.bytes.size(), MSG_NOSIGNAL);
    }
    ::close(fd);
  }

  Script script_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread acceptor_;
  std::vector<std::thread> workers_;  // touched by the acceptor thread only, until the join
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
};

std::string http_answer(int status, const std::string& reason, const std::string& body,
                        const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

LocalHttpServer::Script always(std::string bytes) {
  return [bytes = std::move(bytes)](const std::string&) {
    return LocalHttpServer::Reply{LocalHttpServer::Action::answer, bytes};
  };
}

CurlTransport make_transport() { return CurlTransport(CurlTransport::Settings{2000ms, ""}); }

HttpRequest get(const std::string& url) {
  HttpRequest request;
  request.url = url;
  request.timeout = 5000ms;
  request.headers = {{"Accept", "application/json"}};
  return request;
}

// An unused local port: bound, then released, so a connection to it is refused.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), length);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

TEST(CurlTransportLocal, ReadsStatusHeadersAndBody) {
  LocalHttpServer server(always(
      http_answer(201, "Created", R"({"user_id":"u1"})",
                  "Content-Type: application/json\r\nX-RateLimit-Limit: 50\r\nX-Empty:\r\n")));
  CurlTransport transport = make_transport();

  HttpResponse response = transport.send(get(server.url("/v1/acme/user/")));

  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, R"({"user_id":"u1"})");
  ASSERT_NE(response.find_header("x-ratelimit-limit"), nullptr);
  EXPECT_EQ(*response.find_header("x-ratelimit-limit"), "50");
  ASSERT_NE(response.find_header("X-Empty"), nullptr);
  EXPECT_EQ(*response.find_header("X-Empty"), "");
  EXPECT_EQ(*response.find_header("content-type"), "application/json");
}

TEST(CurlTransportLocal, HeadersOfAnInterimAnswerAreDropped) {
  LocalHttpServer server(always("HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\n" +
                                http_answer(200, "OK", "ok", "X-Final: 2\r\n")));
  CurlTransport transport = make_transport();

  HttpResponse response = transport.send(get(server.url("/")));

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.find_header("X-Interim"), nullptr);
  ASSERT_NE(response.find_header("X-Final"), nullptr);
  EXPECT_EQ(response.body, "ok");
}

TEST(CurlTransportLocal, TwoRequestsShareOneConnection) {
  LocalHttpServer server(always(http_answer(200, "OK", "{}")));
  CurlTransport transport = make_transport();

  EXPECT_EQ(transport.send(get(server.url("/a"))).status, 200);
  EXPECT_EQ(transport.send(get(server.url("/b"))).status, 200);

  EXPECT_EQ(server.connections(), 1);
  EXPECT_EQ(server.requests().size(), 2u);
}

TEST(CurlTransportLocal, ManyThreadsAtOnce) {
  LocalHttpServer server(always(http_answer(200, "OK", "{}")));
  CurlTransport transport = make_transport();
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 5; ++j) answered += transport.send(get(server.url("/"))).status == 200;
    });
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(answered.load(), 40);
  EXPECT_LE(server.connections(), 8);
}

TEST(CurlTransportLocal, SendsMethodPathHeadersAndBody) {
  LocalHttpServer server(always(http_answer(204, "No Content", "")));
  CurlTransport transport = make_transport();

  HttpRequest post = get(server.url("/v1/acme/user/?limit=5"));
  post.method = HttpMethod::post;
  post.body = R"({"email":"ada@example.com"})";
  post.headers.push_back({"Content-Type", "application/json"});
  post.headers.push_back({"X-Blank", ""});
  transport.send(post);

  HttpRequest empty_post = get(server.url("/v1/acme/user/signin_with_api_key"));
  empty_post.method = HttpMethod::post;
  transport.send(empty_post);

  HttpRequest del = get(server.url("/v1/acme/user/u1"));
  del.method = HttpMethod::del;
  transport.send(del);

  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].rfind("POST /v1/acme/user/?limit=5 HTTP/1.1\r\n", 0), 0u) << requests[0];
  EXPECT_NE(requests[0].find("\r\nContent-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(requests[0].find("\r\nContent-Length: 27\r\n"), std::string::npos);
  EXPECT_NE(requests[0].find("\r\nX-Blank:\r\n"), std::string::npos);
  EXPECT_EQ(requests[0].find("Expect:"), std::string::npos);
  EXPECT_EQ(requests[0].substr(requests[0].size() - 27), R"({"email":"ada@example.com"})");

  EXPECT_EQ(requests[1].rfind("POST /v1/acme/user/signin_with_api_key HTTP/1.1\r\n", 0), 0u);
  EXPECT_NE(requests[1].find("\r\nContent-Length: 0\r\n"), std::string::npos);
  EXPECT_EQ(requests[1].find("Content-Type"), std::string::npos) << requests[1];

  EXPECT_EQ(requests[2].rfind("DELETE /v1/acme/user/u1 HTTP/1.1\r\n", 0), 0u) << requests[2];
}

TEST(CurlTransportLocal, RedirectsAreNotFollowed) {
  LocalHttpServer server(always(http_answer(302, "Found", "", "Location: /elsewhere\r\n")));
  CurlTransport transport = make_transport();

  EXPECT_EQ(transport.send(get(server.url("/"))).status, 302);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(CurlTransportLocal, RefusedConnectionCertainlyNeverLeft) {
  CurlTransport transport = make_transport();
  HttpRequest request = get("http://127.0.0.1:" + std::to_string(closed_port()) + "/v1/x?q=1");
  request.headers.push_back({"Authorization", "Bearer sk-SECRET-header"});

  try {
    transport.send(request);
    ADD_FAILURE() << "no TransportError";
  } catch (const TimeoutError&) {
    ADD_FAILURE() << "a refusal is not a timeout";
  } catch (const TransportError& error) {
    EXPECT_FALSE(error.request_may_have_been_sent());
    std::string what = error.what();
    EXPECT_NE(what.find("GET http://127.0.0.1:"), std::string::npos) << what;
    EXPECT_EQ(what.find("sk-SECRET"), std::string::npos) << what;
    EXPECT_EQ(what.find("q=1"), std::string::npos) << what;
  }
}

TEST(CurlTransportLocal, ServerClosingWithoutAnswerMayHaveGotTheRequest) {
  LocalHttpServer server([](const std::string&) {
    return LocalHttpServer::Reply{LocalHttpServer::Action::close, ""};
  });
  CurlTransport transport = make_transport();

  try {
    transport.send(get(server.url("/")));
    ADD_FAILURE() << "no TransportError";
  } catch (const TransportError& error) {
    EXPECT_TRUE(error.request_may_have_been_sent());
  }
}

TEST(CurlTransportLocal, SlowServerIsATimeoutAfterSending) {
  LocalHttpServer server([](const std::string&) {
    return LocalHttpServer::Reply{LocalHttpServer::Action::hang, ""};
  });
  CurlTransport transport = make_transport();
  HttpRequest request = get(server.url("/"));
  request.timeout = 200ms;

  auto started = std::chrono::steady_clock::now();
  try {
    transport.send(request);
    ADD_FAILURE() << "no TimeoutError";
  } catch (const TimeoutError& error) {
    EXPECT_TRUE(error.request_may_have_been_sent());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST(CurlTransportLocal, ConnectTimeoutCertainlyNeverLeft) {
  // A listener that never accepts, its queue already full: further handshakes go unanswered.
  int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), length), 0);
  ASSERT_EQ(::listen(listener, 0), 0);
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  std::vector<int> queued;
  for (int i = 0; i < 4; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ::fcntl(fd, F_SETFL, O_NONBLOCK);
    ::connect(fd, reinterpret_cast<sockaddr*>(&address), length);
    queued.push_back(fd);
  }
  std::this_thread::sleep_for(50ms);
  CurlTransport transport(CurlTransport::Settings{200ms, ""});

  try {
    transport.send(get("http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/"));
    ADD_FAILURE() << "no TimeoutError";
  } catch (const TimeoutError& error) {
    EXPECT_FALSE(error.request_may_have_been_sent()) << error.what();
  }
  for (int fd : queued) ::close(fd);
  ::close(listener);
}

TEST(CurlTransportLocal, FailedTlsHandshakeNeverLeftAndSuggestsACaBundle) {
  LocalHttpServer server(always(http_answer(200, "OK", "")));  // plain HTTP: the handshake fails
  CurlTransport transport = make_transport();
  std::string url = server.url("/");
  url.replace(0, 4, "https");

  try {
    transport.send(get(url));
    ADD_FAILURE() << "no TransportError";
  } catch (const TransportError& error) {
    EXPECT_FALSE(error.request_may_have_been_sent());
    EXPECT_NE(std::string(error.what()).find("ca_bundle_path"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace amigo::detail
