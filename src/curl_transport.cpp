#include "curl_transport.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "amigo/errors.hpp"

namespace amigo::detail {
namespace {

// A Content-Length above this is not trusted for reserving memory up front.
constexpr std::size_t kMaxReservedBody = std::size_t{16} * 1024 * 1024;

// libcurl is initialised once per process, by whichever thread first builds a
// transport. It is never cleaned up: other code in the process may use libcurl
// too, and curl_global_cleanup is not safe while it does.
void initialise_libcurl_once() {
  static const CURLcode result = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (result != CURLE_OK) {
    throw TransportError(
        fmt::format("libcurl could not be initialised: {}", curl_easy_strerror(result)), false);
  }
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// What libcurl hands back while a transfer runs, and the body it reads.
struct Exchange {
  HttpResponse response;
  std::string_view body_left;
};

std::size_t on_header_line(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& response = static_cast<Exchange*>(user)->response;
  std::size_t length = size * count;
  std::string_view line = trim(std::string_view(buffer, length));

  if (line.substr(0, 5) == "HTTP/") {
    // A new status line: an interim 1xx answer or a proxy's CONNECT answer
    // came before; only the final answer's headers count.
    response.headers.clear();
    auto space = line.find(' ');
    if (space != std::string_view::npos) {
      std::string_view code = line.substr(space + 1, 3);
      std::from_chars(code.data(), code.data() + code.size(), response.status);
    }
    return length;
  }
  if (line.empty()) return length;
  if ((buffer[0] == ' ' || buffer[0] == '\t') && !response.headers.empty()) {
    response.headers.back().value += " ";  // an obsolete folded continuation line
    response.headers.back().value += line;
    return length;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return length;
  HttpHeader header{std::string(trim(line.substr(0, colon))),
                    std::string(trim(line.substr(colon + 1)))};
  if (equals_ignoring_case(header.name, "Content-Length")) {
    std::size_t declared = 0;
    const char* end = header.value.data() + header.value.size();
    if (std::from_chars(header.value.data(), end, declared).ec == std::errc{}) {
      response.body.reserve(std::min(declared, kMaxReservedBody));
    }
  }
  response.headers.push_back(std::move(header));
  return length;
}

std::size_t on_body_bytes(char* buffer, std::size_t size, std::size_t count, void* user) {
  static_cast<Exchange*>(user)->response.body.append(buffer, size * count);
  return size * count;
}

// The request body goes through this callback rather than CURLOPT_POSTFIELDS
// so that libcurl cannot rewind it: when a reused connection dies after the
// body went out, libcurl would otherwise send the request again on a new
// connection by itself, and an invite could be applied twice. Without a way to
// rewind, the transfer fails with CURLE_SEND_FAIL_REWIND and the pipeline,
// which knows which operations are safe to repeat, decides.
std::size_t on_upload_bytes(char* buffer, std::size_t size, std::size_t count, void* user) {
  std::string_view& left = static_cast<Exchange*>(user)->body_left;
  const std::size_t length = std::min(left.size(), size * count);
  std::copy_n(left.data(), length, buffer);
  left.remove_prefix(length);
  return length;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using HeaderList = std::unique_ptr<curl_slist, SlistDeleter>;

HeaderList header_list(const HttpRequest& request) {
  curl_slist* list = nullptr;
  auto append = [&list](const std::string& line) {
    curl_slist* grown = curl_slist_append(list, line.c_str());
    if (grown == nullptr) {
      curl_slist_free_all(list);
      throw TransportError("out of memory while building the request headers", false);
    }
    list = grown;
  };
  bool has_content_type = false;
  for (const auto& header : request.headers) {
    has_content_type = has_content_type || equals_ignoring_case(header.name, "Content-Type");
    // "Name;" is libcurl's way to send a header with an empty value.
    append(header.value.empty() ? header.name + ";" : header.name + ": " + header.value);
  }
  // Without these, libcurl adds "Expect: 100-continue" to larger bodies (a
  // round trip lost) and a form Content-Type to a POST without a body.
  append("Expect:");
  if (!has_content_type) append("Content-Type:");
  return HeaderList(list);
}

// The URL without its query, for messages: the query may hold e-mail addresses.
std::string url_for_messages(const std::string& url) { return url.substr(0, url.find('?')); }

bool request_started(CURL* handle) {
  curl_off_t pretransfer = 0;
  long request_size = 0;
  curl_easy_getinfo(handle, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
  curl_easy_getinfo(handle, CURLINFO_REQUEST_SIZE, &request_size);
  return pretransfer > 0 || request_size > 0;
}

[[noreturn]] void throw_transport_error(CURL* handle, CURLcode code, const HttpRequest& request,
                                        const char* error_buffer) {
  std::string what = fmt::format("{} {} failed: {}", to_string(request.method),
                                 url_for_messages(request.url), curl_easy_strerror(code));
  if (error_buffer[0] != '\0') what += fmt::format(" ({})", trim(error_buffer));

  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      throw TransportError(what, false);
    case CURLE_OPERATION_TIMEDOUT:
      throw TimeoutError(what, request_started(handle));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
      throw TransportError(what +
                               "; the TLS connection could not be verified: check the server's "
                               "certificate, or set ClientOptions::ca_bundle_path to a PEM "
                               "bundle holding its CA",
                           false);
    case CURLE_SEND_FAIL_REWIND:
      throw TransportError(fmt::format("{} {} failed: the connection closed after the request "
                                       "was sent and before an answer came, so it may have been "
                                       "applied",
                                       to_string(request.method), url_for_messages(request.url)),
                           true);
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      throw TransportError(what, true);
    default:
      throw TransportError(what, request_started(handle));
  }
}

// libcurl must be initialised before the share handle is made.
CURLSH* initialised_share_handle() {
  initialise_libcurl_once();
  return curl_share_init();
}

}  // namespace

CurlTransport::CurlTransport(Settings settings)
    : settings_(std::move(settings)), share_(initialised_share_handle()) {
  if (share_ == nullptr) throw TransportError("libcurl could not create a share handle", false);
  curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &CurlTransport::lock_share);
  curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &CurlTransport::unlock_share);
  curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  // The connection cache is deliberately not shared: libcurl does not support
  // sharing connections between threads that run transfers at once (measured
  // here: every concurrent request opened a new connection). Each pooled easy
  // handle keeps its own open connection instead, and the pool hands the most
  // recently used handle out first.
}

CurlTransport::~CurlTransport() {
  // Easy handles first: a share handle cannot be freed while handles use it.
  for (CURL* handle : idle_handles_) curl_easy_cleanup(handle);
  curl_share_cleanup(share_);
}

void CurlTransport::lock_share(CURL* /*handle*/, curl_lock_data data, curl_lock_access /*access*/,
                               void* self) {
  static_cast<CurlTransport*>(self)->share_mutexes_[data].lock();
}

void CurlTransport::unlock_share(CURL* /*handle*/, curl_lock_data data, void* self) {
  static_cast<CurlTransport*>(self)->share_mutexes_[data].unlock();
}

CURL* CurlTransport::acquire_handle() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!idle_handles_.empty()) {
      CURL* handle = idle_handles_.back();
      idle_handles_.pop_back();
      return handle;
    }
  }
  CURL* handle = curl_easy_init();
  if (handle == nullptr) throw TransportError("libcurl could not create an easy handle", false);
  return handle;
}

void CurlTransport::release_handle(CURL* handle) {
  std::lock_guard lock(pool_mutex_);
  idle_handles_.push_back(handle);
}

HttpResponse CurlTransport::send(const HttpRequest& request) {
  HeaderList headers = header_list(request);
  Exchange exchange;
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* handle = acquire_handle();
  // Back to the pool however send() ends. The handle keeps pointers to this
  // call's buffers until the reset at the start of its next use; nothing reads them before.
  struct Release {
    CurlTransport* transport;
    CURL* handle;
    ~Release() { transport->release_handle(handle); }
  } release{this, handle};

  // Reset keeps the handle's connections and caches but forgets the last request's options.
  curl_easy_reset(handle);

  curl_easy_setopt(handle, CURLOPT_SHARE, share_);
  curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(settings_.connect_timeout.count()));
  if (request.timeout.count() > 0) {
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  }
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!settings_.ca_bundle_path.empty()) {
    curl_easy_setopt(handle, CURLOPT_CAINFO, settings_.ca_bundle_path.c_str());
  }
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, &on_header_line);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &exchange);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &on_body_bytes);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &exchange);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);

  switch (request.method) {
    case HttpMethod::get:
      curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
      break;
    case HttpMethod::del:
      curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, "DELETE");
      // libcurl sends a request again by itself when a reused connection
      // closes before any answer, and the upload callback cannot stop that
      // for a request without a body (libcurl rewinds only what it wrote). A
      // delete that was applied and resent would then answer 404, so a delete
      // goes on a connection of its own, which libcurl never retries; the
      // failure reaches the pipeline, which decides. The connection is closed
      // afterwards: kept, each delete would add an idle one to the pool. The
      // cost is a connection (and TLS handshake) per delete.
      curl_easy_setopt(handle, CURLOPT_FRESH_CONNECT, 1L);
      curl_easy_setopt(handle, CURLOPT_FORBID_REUSE, 1L);
      if (request.body.empty()) break;
      [[fallthrough]];
    case HttpMethod::post:
      exchange.body_left = request.body;
      curl_easy_setopt(handle, CURLOPT_POST, 1L);
      curl_easy_setopt(handle, CURLOPT_READFUNCTION, &on_upload_bytes);
      curl_easy_setopt(handle, CURLOPT_READDATA, &exchange);
      curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
      break;
  }

  CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) throw_transport_error(handle, code, request, error_buffer);

  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  exchange.response.status = static_cast<int>(status);
  return std::move(exchange.response);
}

}  // namespace amigo::detail
